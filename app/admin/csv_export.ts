import type { AdminContext } from '#admin/admin_context'
import type { ModelAdmin } from '#admin/model_admin'
import type { ListFilter } from '#admin/filters'
import { buildChangeList } from '#admin/change_list'
import type { ChangeListState } from '#admin/change_list_query'
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
export async function* changeListCsv(
  admin: ModelAdmin,
  ctx: AdminContext,
  state: ChangeListState,
  filters: ListFilter[]
): AsyncGenerator<string> {
  const chunkAdmin = Object.create(admin, { perPage: { value: CHUNK } }) as ModelAdmin
  for (let page = 1; ; page++) {
    const list = await buildChangeList(chunkAdmin, ctx, { ...state, page }, filters, {
      count: false,
    })
    if (page === 1) yield `${list.columns.map((column) => csvField(column.label)).join(',')}\r\n`
    if (list.rows.length > 0) {
      yield list.rows.map((row) => `${row.cells.map(csvField).join(',')}\r\n`).join('')
    }
    if (!list.pagination.hasNext) return
  }
}
