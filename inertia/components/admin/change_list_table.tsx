import { Link } from '@inertiajs/react'
import type { AdminColumn, AdminRow } from '~/lib/admin/types'
import { AdminCell } from '~/components/admin/admin_cell'
import { Table, Td, Th } from '~/components/ui/table'
import { cn } from '~/lib/cn'

type ChangeListTableProps = {
  columns: AdminColumn[]
  rows: AdminRow[]
  /** The selected row ids, or null when the list offers no action (no checkboxes then). */
  selected: string[] | null
  onSelect: (ids: string[]) => void
  /** The list URL sorted by a column's `sortParam`, filters kept. */
  sortHref: (sortParam: string) => string
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const
const ARROWS = { asc: '▲', desc: '▼' } as const

/** A column header: a link that sorts by it when it can, with an arrow when it does. */
function ColumnHeader({
  column,
  sortHref,
}: Pick<ChangeListTableProps, 'sortHref'> & { column: AdminColumn }) {
  return (
    <Th
      aria-sort={column.sorted ? ARIA_SORT[column.sorted] : undefined}
      className={cn(column.type === 'number' && 'text-right')}
    >
      {column.sortParam ? (
        <Link
          href={sortHref(column.sortParam)}
          preserveState
          preserveScroll
          className="inline-flex items-center gap-1 hover:text-foreground"
          data-test={`admin-sort-${column.name}`}
        >
          {column.label}
          {column.sorted && <span aria-hidden="true">{ARROWS[column.sorted]}</span>}
        </Link>
      ) : (
        column.label
      )}
    </Th>
  )
}

/**
 * The rows of a change list: one column per `listDisplay` entry, the first linking to the row's
 * form, and checkboxes to pick rows for a bulk action.
 */
export function ChangeListTable({
  columns,
  rows,
  selected,
  onSelect,
  sortHref,
}: ChangeListTableProps) {
  const allSelected = selected !== null && rows.length > 0 && selected.length === rows.length
  const someSelected = selected !== null && selected.length > 0 && !allSelected

  function toggle(id: string, checked: boolean) {
    if (!selected) return
    onSelect(checked ? [...selected, id] : selected.filter((value) => value !== id))
  }

  return (
    <Table data-test="admin-results">
      <thead>
        <tr>
          {selected && (
            <Th className="w-10">
              <input
                type="checkbox"
                aria-label="Select all rows on this page"
                checked={allSelected}
                ref={(input) => {
                  if (input) input.indeterminate = someSelected
                }}
                onChange={(event) =>
                  onSelect(event.target.checked ? rows.map((row) => row.id) : [])
                }
                disabled={rows.length === 0}
                data-test="admin-select-all"
              />
            </Th>
          )}
          {columns.map((column) => (
            <ColumnHeader key={column.name} column={column} sortHref={sortHref} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            data-test={`admin-row-${row.id}`}
            className={cn(selected?.includes(row.id) && 'bg-primary/5')}
          >
            {selected && (
              <Td>
                <input
                  type="checkbox"
                  aria-label={`Select ${String(row.cells[0] ?? row.id)}`}
                  checked={selected.includes(row.id)}
                  onChange={(event) => toggle(row.id, event.target.checked)}
                  data-test={`admin-row-checkbox-${row.id}`}
                />
              </Td>
            )}
            {columns.map((column, index) => {
              const cell = <AdminCell value={row.cells[index] ?? null} type={column.type} />
              return (
                <Td
                  key={column.name}
                  className={cn(column.type === 'number' && 'text-right tabular-nums')}
                >
                  {index === 0 && row.url ? (
                    <Link href={row.url} className="font-medium text-primary hover:underline">
                      {cell}
                    </Link>
                  ) : (
                    cell
                  )}
                </Td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
