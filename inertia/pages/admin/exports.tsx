import { useEffect } from 'react'
import { Head, usePoll } from '@inertiajs/react'
import type { AdminExportEntry, AdminExportsProps } from '~/lib/admin/types'
import AdminLayout from '~/layouts/admin_layout'
import { AdminBreadcrumbs } from '~/components/admin/admin_breadcrumbs'
import { Moment } from '~/components/moment'
import { Badge, type BadgeTone } from '~/components/ui/badge'
import { Table, Td, Th } from '~/components/ui/table'

const STATUS: Record<AdminExportEntry['status'], { word: string; tone: BadgeTone }> = {
  pending: { word: 'Waiting', tone: 'neutral' },
  running: { word: 'Writing', tone: 'primary' },
  done: { word: 'Ready', tone: 'success' },
  failed: { word: 'Failed', tone: 'danger' },
  expired: { word: 'Expired', tone: 'neutral' },
}

/** How far an export is, in words: "42 %" while it is written. */
function progressText(entry: AdminExportEntry): string {
  if (entry.progress === null) return '—'
  return `${Math.floor(entry.progress * 100)} %`
}

/**
 * The user's background CSV exports of large lists, newest first: their status and progress
 * (refreshed while one is unfinished), rows, and the download link while the file is kept.
 */
export default function Exports({ exports }: AdminExportsProps) {
  const unfinished = exports.some(
    (entry) => entry.status === 'pending' || entry.status === 'running'
  )
  const { start, stop } = usePoll(2000, { only: ['exports'] }, { autoStart: false })
  useEffect(() => {
    if (unfinished) start()
    else stop()
  }, [unfinished, start, stop])

  return (
    <>
      <Head title="Your exports" />
      <AdminBreadcrumbs items={[{ label: 'Your exports' }]} />
      <h1 className="text-2xl font-bold tracking-tight">Your exports</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        Exports of large lists are written in the background; you also receive their link by email.
        Each file can be downloaded for a limited time.
      </p>
      {exports.length === 0 ? (
        <p className="mt-4 text-muted-foreground">You have not exported a large list yet.</p>
      ) : (
        <div className="mt-6">
          <Table data-test="admin-exports">
            <thead>
              <tr>
                <Th>Asked for</Th>
                <Th>List</Th>
                <Th>Status</Th>
                <Th>Progress</Th>
                <Th>Rows</Th>
                <Th>File</Th>
              </tr>
            </thead>
            <tbody>
              {exports.map((entry) => (
                <tr key={entry.id} data-test={`admin-export-${entry.id}`}>
                  <Td className="whitespace-nowrap">
                    <Moment iso={entry.createdAt} />
                  </Td>
                  <Td>{entry.label}</Td>
                  <Td>
                    <Badge tone={STATUS[entry.status].tone}>{STATUS[entry.status].word}</Badge>
                    {entry.error && <p className="mt-1 text-xs text-danger">{entry.error}</p>}
                  </Td>
                  <Td>{progressText(entry)}</Td>
                  <Td>{entry.rows.toLocaleString()}</Td>
                  <Td>
                    {entry.downloadUrl ? (
                      <a
                        href={entry.downloadUrl}
                        className="text-primary hover:underline"
                        data-test="admin-export-download"
                      >
                        Download
                      </a>
                    ) : (
                      '—'
                    )}
                    {entry.downloadUrl && entry.expiresAt && (
                      <p className="text-xs text-muted-foreground">
                        until <Moment iso={entry.expiresAt} />
                      </p>
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

Exports.layout = AdminLayout
