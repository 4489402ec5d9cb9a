import { useState } from 'react'
import { Head, Link } from '@inertiajs/react'
import type { AdminChangeListProps } from '~/lib/admin/types'
import { listUrl } from '~/lib/admin/urls'
import { inSentence } from '~/lib/admin/words'
import AdminLayout from '~/layouts/admin_layout'
import { AdminBreadcrumbs } from '~/components/admin/admin_breadcrumbs'
import { AdminCountText } from '~/components/admin/admin_count'
import { BulkActions } from '~/components/admin/bulk_actions'
import { ChangeListFilters } from '~/components/admin/change_list_filters'
import { ChangeListPagination } from '~/components/admin/change_list_pagination'
import { ChangeListSearch } from '~/components/admin/change_list_search'
import { ChangeListTable } from '~/components/admin/change_list_table'
import { buttonClasses } from '~/components/ui/button'
import { urlFor } from '~/lib/client'

/**
 * The list of one model's rows (Django's change list): search, filters, sortable columns, bulk
 * actions on the selected rows, pages and a CSV export of what the filters leave.
 */
export default function ChangeList(props: AdminChangeListProps) {
  const { model, params, rows, actions, pagination } = props
  const [picked, setPicked] = useState<string[]>([])
  const selected = picked.filter((id) => rows.some((row) => row.id === id))
  const hasActions = actions.length > 0

  return (
    <>
      <Head title={model.label} />
      <AdminBreadcrumbs items={[{ label: model.label }]} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{model.label}</h1>
        <div className="flex items-center gap-2">
          {props.exportUrl && (
            <>
              <Link
                href={urlFor('admin.exports.index')}
                className="text-sm text-muted-foreground hover:text-foreground"
                data-test="admin-exports-link"
              >
                Your exports
              </Link>
              <a
                href={listUrl(props.exportUrl, params, { page: null })}
                className={buttonClasses('secondary', 'sm')}
                data-test="admin-export"
              >
                Export CSV
              </a>
            </>
          )}
          {model.addUrl && (
            <Link
              href={model.addUrl}
              className={buttonClasses('primary', 'sm')}
              data-test="admin-add"
            >
              Add {inSentence(model.labelSingular)}
            </Link>
          )}
        </div>
      </div>

      <div className="mt-6 flex flex-col gap-6 lg:flex-row lg:items-start">
        <div className="min-w-0 flex-1 space-y-4">
          {props.searchable && (
            <ChangeListSearch
              url={model.url}
              params={params}
              search={props.search}
              label={model.label}
            />
          )}
          {hasActions && (
            <BulkActions
              actions={actions}
              actionUrl={props.actionUrl}
              selected={selected}
              total={rows.length}
              onDone={() => setPicked([])}
            />
          )}
          <ChangeListTable
            columns={props.columns}
            rows={rows}
            selected={hasActions ? selected : null}
            onSelect={setPicked}
            sortHref={(sort) => listUrl(model.url, params, { sort, page: null })}
          />
          {rows.length === 0 && (
            <p className="text-sm text-muted-foreground">No {inSentence(model.label)} match.</p>
          )}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <AdminCountText
              count={pagination.count}
              noun={{ singular: model.labelSingular, plural: model.label }}
              className="text-sm text-muted-foreground"
              data-test="admin-count"
            />
            <ChangeListPagination
              pagination={pagination}
              pageHref={(page) => listUrl(model.url, params, { page: page === 1 ? null : page })}
            />
          </div>
        </div>
        {props.filters.length > 0 && (
          <div className="lg:w-64 lg:shrink-0">
            <ChangeListFilters filters={props.filters} url={model.url} params={params} />
          </div>
        )}
      </div>
    </>
  )
}

ChangeList.layout = AdminLayout
