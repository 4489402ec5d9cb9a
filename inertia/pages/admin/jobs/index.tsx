import { useState } from 'react'
import { Head } from '@inertiajs/react'
import type { AdminJobsProps } from '~/lib/admin/types'
import { listUrl } from '~/lib/admin/urls'
import AdminLayout from '~/layouts/admin_layout'
import { AdminBreadcrumbs } from '~/components/admin/admin_breadcrumbs'
import { AdminCountText } from '~/components/admin/admin_count'
import { BulkActions } from '~/components/admin/bulk_actions'
import { ChangeListPagination } from '~/components/admin/change_list_pagination'
import { JobStateTabs } from '~/components/admin/job_state_tabs'
import { JobTable } from '~/components/admin/job_table'

/**
 * The jobs of the queue: a tab per state with its count, one state's jobs a page at a time, and
 * retry or discard on the selected ones for staff who may.
 */
export default function Jobs(props: AdminJobsProps) {
  const { state, tabs, jobs, actions, pagination } = props
  const [picked, setPicked] = useState<string[]>([])
  const selected = picked.filter((id) => jobs.some((job) => job.id === id))
  const hasActions = actions.length > 0
  const tab = tabs.find((candidate) => candidate.state === state)
  const stateLabel = (tab?.label ?? state).toLowerCase()

  return (
    <>
      <Head title="Jobs" />
      <AdminBreadcrumbs items={[{ label: 'Jobs' }]} />
      <h1 className="text-2xl font-bold tracking-tight">Jobs</h1>
      <div className="mt-6 space-y-4">
        <JobStateTabs tabs={tabs} current={state} />
        {hasActions && (
          <BulkActions
            actions={actions}
            actionUrl={props.actionUrl}
            selected={selected}
            total={jobs.length}
            onDone={() => setPicked([])}
          />
        )}
        <JobTable
          state={state}
          jobs={jobs}
          selected={hasActions ? selected : null}
          onSelect={setPicked}
        />
        {jobs.length === 0 && (
          <p className="text-sm text-muted-foreground" data-test="admin-jobs-empty">
            No {stateLabel} jobs.
          </p>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <AdminCountText
            count={pagination.count}
            noun={{ singular: `${stateLabel} job`, plural: `${stateLabel} jobs` }}
            className="text-sm text-muted-foreground"
            data-test="admin-count"
          />
          <ChangeListPagination
            pagination={pagination}
            pageHref={(page) => listUrl(props.url, { state }, { page: page === 1 ? null : page })}
          />
        </div>
      </div>
    </>
  )
}

Jobs.layout = AdminLayout
