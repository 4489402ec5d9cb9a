import { Link } from '@inertiajs/react'
import type { AdminNav, AdminNavModel } from '~/lib/admin/types'
import { cn } from '~/lib/cn'

/** Whether `url` (path and query) is one of `model`'s pages: its list, forms or history. */
function isCurrent(model: AdminNavModel, url: string): boolean {
  const path = url.split('?')[0]
  return path === model.url || path.startsWith(`${model.url}/`)
}

/** The admin's navigation: each area with its models, the current one marked, and "Add" links. */
export function AdminSidebar({ nav, currentUrl }: { nav: AdminNav; currentUrl: string }) {
  return (
    <nav
      aria-label="Admin"
      className="border-b border-border bg-card px-4 py-4 md:w-60 md:shrink-0 md:border-r md:border-b-0"
      data-test="admin-sidebar"
    >
      {nav.areas.map((area, index) => (
        <section key={area.name} aria-labelledby={`admin-area-${index}`} className="mb-5">
          <h2
            id={`admin-area-${index}`}
            className="px-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase"
          >
            {area.name}
          </h2>
          <ul className="mt-2 space-y-0.5">
            {area.models.map((model) => {
              const current = isCurrent(model, currentUrl)
              return (
                <li key={model.slug} className="flex items-center gap-1">
                  <Link
                    href={model.url}
                    aria-current={current ? 'page' : undefined}
                    data-test={`admin-nav-${model.slug}`}
                    className={cn(
                      'flex-1 rounded-md px-2 py-1.5 text-sm',
                      current ? 'bg-muted font-medium' : 'text-muted-foreground hover:bg-muted'
                    )}
                  >
                    {model.label}
                  </Link>
                  {model.addUrl && (
                    <Link
                      href={model.addUrl}
                      aria-label={`Add ${model.label}`}
                      className="rounded-md px-2 py-1.5 text-xs text-primary hover:bg-muted"
                    >
                      Add
                    </Link>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </nav>
  )
}
