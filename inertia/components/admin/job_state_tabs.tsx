import { Link } from '@inertiajs/react'
import type { AdminJobTab } from '~/lib/admin/types'
import { cn } from '~/lib/cn'

const NUMBER = new Intl.NumberFormat('en-GB')

/** The states of jobs as tabs, each with its count; the current one marked. */
export function JobStateTabs({ tabs, current }: { tabs: AdminJobTab[]; current: string }) {
  return (
    <nav aria-label="Job states" className="border-b border-border">
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs.map((tab) => {
          const selected = tab.state === current
          return (
            <li key={tab.state}>
              <Link
                href={tab.url}
                aria-current={selected ? 'page' : undefined}
                data-test={`admin-job-tab-${tab.state}`}
                className={cn(
                  'inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm',
                  selected
                    ? 'border-primary font-medium text-foreground'
                    : 'border-transparent text-muted-foreground hover:text-foreground'
                )}
              >
                {tab.label}
                <span
                  className="rounded-full bg-muted px-2 py-0.5 text-xs tabular-nums"
                  data-test="admin-job-tab-count"
                >
                  {NUMBER.format(tab.count)}
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
