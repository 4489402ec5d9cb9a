import { Link } from '@inertiajs/react'
import type { AdminChangeListProps } from '~/lib/admin/types'
import { buttonClasses } from '~/components/ui/button'
import { cn } from '~/lib/cn'

type Pagination = AdminChangeListProps['pagination']

/** The page numbers to show around `page`: the first, the last, two either side, gaps as null. */
function pageWindow(page: number, last: number): (number | null)[] {
  const pages: (number | null)[] = []
  for (let number = 1; number <= last; number++) {
    if (number === 1 || number === last || Math.abs(number - page) <= 2) pages.push(number)
    else if (pages[pages.length - 1] !== null) pages.push(null)
  }
  return pages
}

/**
 * Previous and Next, with numbered pages when the count is exact. On an estimated count the last
 * page is unknown, so only the current page is named.
 */
export function ChangeListPagination({
  pagination,
  pageHref,
}: {
  pagination: Pagination
  pageHref: (page: number) => string
}) {
  const { page, perPage, count, hasNext } = pagination
  const last = count.kind === 'exact' ? Math.max(1, Math.ceil(count.value / perPage)) : null
  if (page === 1 && !hasNext) return null

  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center gap-1 text-sm">
      {page > 1 && (
        <Link
          href={pageHref(page - 1)}
          preserveState
          className={buttonClasses('secondary', 'sm')}
          data-test="admin-prev-page"
        >
          Previous
        </Link>
      )}
      {last === null ? (
        <span className="px-2" aria-current="page">
          Page {page}
        </span>
      ) : (
        pageWindow(page, last).map((number, index) =>
          number === null ? (
            <span key={`gap-${index}`} aria-hidden="true" className="px-1 text-muted-foreground">
              …
            </span>
          ) : (
            <Link
              key={number}
              href={pageHref(number)}
              preserveState
              aria-label={`Page ${number}`}
              aria-current={number === page ? 'page' : undefined}
              className={cn(
                buttonClasses(number === page ? 'primary' : 'ghost', 'sm'),
                'min-w-8 px-2'
              )}
              data-test={`admin-page-${number}`}
            >
              {number}
            </Link>
          )
        )
      )}
      {hasNext && (
        <Link
          href={pageHref(page + 1)}
          preserveState
          className={buttonClasses('secondary', 'sm')}
          data-test="admin-next-page"
        >
          Next
        </Link>
      )}
    </nav>
  )
}
