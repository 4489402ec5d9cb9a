import { Link } from '@inertiajs/react'
import type { AdminActivity } from '~/lib/admin/types'
import { Moment } from '~/components/moment'
import { cn } from '~/lib/cn'

/** How each kind of change is shown: an icon for the eye, a word for everyone. */
export const ACTION_DISPLAY: Record<
  AdminActivity['action'],
  { icon: string; word: string; tone: string }
> = {
  created: { icon: '+', word: 'Added', tone: 'bg-primary/15 text-primary' },
  updated: { icon: '✎', word: 'Changed', tone: 'bg-muted text-muted-foreground' },
  deleted: { icon: '×', word: 'Deleted', tone: 'bg-danger/15 text-danger' },
}

/** The latest changes made through the site, newest first: what, to which object, by whom, when. */
export function RecentActions({ actions }: { actions: AdminActivity[] }) {
  return (
    <section
      aria-labelledby="admin-recent-actions"
      className="self-start rounded-lg border border-border bg-card p-4"
      data-test="admin-recent-actions"
    >
      <h2 id="admin-recent-actions" className="text-sm font-semibold">
        Recent actions
      </h2>
      {actions.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">Nothing has changed yet.</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {actions.map((activity) => {
            const display = ACTION_DISPLAY[activity.action]
            return (
              <li key={activity.id} className="flex gap-2 text-sm">
                <span
                  aria-hidden="true"
                  className={cn(
                    'flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs',
                    display.tone
                  )}
                >
                  {display.icon}
                </span>
                <div className="min-w-0">
                  <p>
                    <span className="sr-only">{display.word}: </span>
                    <span className="text-muted-foreground">{activity.subject.label} </span>
                    {activity.subject.url ? (
                      <Link href={activity.subject.url} className="font-medium hover:underline">
                        {activity.subject.title}
                      </Link>
                    ) : (
                      <span className="font-medium">{activity.subject.title}</span>
                    )}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {activity.actor ?? 'System'} · <Moment iso={activity.createdAt} />
                  </p>
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
