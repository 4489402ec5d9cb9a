import { Fragment } from 'react'
import { Link } from '@inertiajs/react'
import { urlFor } from '~/lib/client'

/** One step of the trail; the last one is the current page and has no link. */
export type Crumb = { label: string; href?: string | null }

/** Where the page sits in the admin: "Admin › Tasks › Write the docs › History". */
export function AdminBreadcrumbs({ items }: { items: Crumb[] }) {
  const trail: Crumb[] = [{ label: 'Admin', href: urlFor('admin.index') }, ...items]
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm text-muted-foreground">
      <ol className="flex flex-wrap items-center gap-1.5">
        {trail.map((crumb, index) => {
          const last = index === trail.length - 1
          return (
            <Fragment key={index}>
              {index > 0 && <li aria-hidden="true">›</li>}
              <li>
                {crumb.href && !last ? (
                  <Link href={crumb.href} className="hover:text-foreground hover:underline">
                    {crumb.label}
                  </Link>
                ) : (
                  <span aria-current={last ? 'page' : undefined} className="text-foreground">
                    {crumb.label}
                  </span>
                )}
              </li>
            </Fragment>
          )
        })}
      </ol>
    </nav>
  )
}
