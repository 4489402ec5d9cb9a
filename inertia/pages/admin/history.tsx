import { Head, Link } from '@inertiajs/react'
import type { AdminHistoryProps } from '~/lib/admin/types'
import AdminLayout from '~/layouts/admin_layout'
import { AdminBreadcrumbs } from '~/components/admin/admin_breadcrumbs'
import { ACTION_DISPLAY } from '~/components/admin/recent_actions'
import { Moment } from '~/components/moment'
import { Table, Td, Th } from '~/components/ui/table'

/** The change history of one object, newest first: when, who, what, and each field's before → after. */
export default function History({ model, object, entries }: AdminHistoryProps) {
  return (
    <>
      <Head title={`History: ${object.title}`} />
      <AdminBreadcrumbs
        items={[
          { label: model.label, href: model.url },
          { label: object.title, href: object.url },
          { label: 'History' },
        ]}
      />
      <h1 className="text-2xl font-bold tracking-tight">
        History of{' '}
        {object.url ? (
          <Link href={object.url} className="text-primary hover:underline">
            {object.title}
          </Link>
        ) : (
          object.title
        )}
      </h1>
      {entries.length === 0 ? (
        <p className="mt-4 text-muted-foreground">Nothing has been recorded for this object.</p>
      ) : (
        <div className="mt-6">
          <Table data-test="admin-history">
            <thead>
              <tr>
                <Th>Date/time</Th>
                <Th>User</Th>
                <Th>Action</Th>
                <Th>Changes</Th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-test={`admin-history-${entry.id}`}>
                  <Td className="align-top whitespace-nowrap">
                    <Moment iso={entry.createdAt} />
                  </Td>
                  <Td className="align-top">{entry.actor ?? 'System'}</Td>
                  <Td className="align-top">{ACTION_DISPLAY[entry.action].word}</Td>
                  <Td className="align-top">
                    {entry.changes.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="space-y-0.5">
                        {entry.changes.map((change) => (
                          <li key={change.field}>
                            <span className="font-medium">{change.label}:</span>{' '}
                            {change.before ?? '—'} <span aria-hidden="true">→</span>
                            <span className="sr-only">changed to</span> {change.after ?? '—'}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </>
  )
}

History.layout = AdminLayout
