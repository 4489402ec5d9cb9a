import type { ModelAdmin } from '#admin/model_admin'
import { type ChangeListInput, buildChangeList } from '#admin/change_list'
import { resolvePath } from '#admin/change_list_query'
import { toText } from '#admin/values'
import type { AdminValue } from '#admin/types'

/** Rows read per query while exporting: memory stays flat whatever the list's size. */
const CHUNK = 1000

/** One CSV field, quoted when needed (RFC 4180); a leading =, +, - or @ is defused for spreadsheets. */
export function csvField(value: AdminValue): string {
  let text = toText(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The change list as CSV lines, the same columns, filters, search and order as the page: a
 * header, then the rows, read a chunk at a time and yielded as they come, never all in memory.
 */
export async function* changeListCsv({
  admin,
  ctx,
  state,
  filters,
}: ChangeListInput): AsyncGenerator<string> {
  const chunkAdmin = Object.create(admin, { perPage: { value: CHUNK } }) as ModelAdmin
  // Ordered by primary key only (the usual default), each chunk starts after the last key read;
  // any other order pages by offset.
  const key = `${admin.table}.${admin.primaryKey.column}`
  const byKey = state.sort.length === 1 && resolvePath(admin, state.sort[0].path).sql === key
  let after: string | undefined
  for (let page = 1; ; page++) {
    const list = await buildChangeList({
      admin: chunkAdmin,
      ctx,
      state: { ...state, page: byKey ? 1 : page },
      filters,
      count: false,
      after: byKey ? after : undefined,
    })
    if (page === 1) yield `${list.columns.map((column) => csvField(column.label)).join(',')}\r\n`
    if (list.rows.length > 0) {
      yield list.rows.map((row) => `${row.cells.map(csvField).join(',')}\r\n`).join('')
      after = list.rows[list.rows.length - 1].id
    }
    if (!list.pagination.hasNext) return
  }
}
