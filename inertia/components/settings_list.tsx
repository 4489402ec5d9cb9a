import type { ReactNode } from 'react'
import { Table, Th } from '~/components/ui/table'

type SettingsListProps = {
  /** The section's heading ("Your tokens"). */
  title: string
  /** The visible column headings; a last column for the row's buttons follows them. */
  columns: string[]
  /** One `<tr>` per item; with none, `emptyText` stands where the table would be. */
  rows: ReactNode[]
  emptyText: string
  /** The `data-test` hook on the empty text. */
  emptyDataTest: string
  /** The `data-test` hook on the table. */
  tableDataTest: string
}

/**
 * A settings section listing the user's own things (tokens, passkeys): a heading, then a table
 * whose last column holds each row's buttons, or a line saying there are none.
 */
export function SettingsList({
  title,
  columns,
  rows,
  emptyText,
  emptyDataTest,
  tableDataTest,
}: SettingsListProps) {
  return (
    <div className="mt-8">
      <h3 className="text-base font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground" data-test={emptyDataTest}>
          {emptyText}
        </p>
      ) : (
        <div className="mt-3">
          <Table data-test={tableDataTest}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <Th key={column}>{column}</Th>
                ))}
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </Table>
        </div>
      )}
    </div>
  )
}
