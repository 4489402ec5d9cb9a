import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { ModelAdmin } from '#admin/model_admin'
import { type ChangeListInput, buildChangeList, searchPathsOf } from '#admin/change_list'
import { matchingRows, resolvePath } from '#admin/change_list_query'
import { toText } from '#admin/values'
import type { AdminValue } from '#admin/types'

/** Rows read per query while exporting: memory stays flat whatever the list's size. */
const CHUNK = 1000

/** A piece of an export: CSV text and how many data rows it holds (0 for the header). */
export type CsvChunk = { text: string; rows: number }

/** One CSV field, quoted when needed (RFC 4180); a leading =, +, - or @ is defused for spreadsheets. */
export function csvField(value: AdminValue): string {
  let text = toText(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The change list as CSV chunks, the same columns, filters, search and order as the page: a
 * header, then the rows, read a chunk at a time and yielded as they come, never all in memory.
 */
export async function* changeListCsvChunks({
  admin,
  ctx,
  state,
  filters,
}: ChangeListInput): AsyncGenerator<CsvChunk> {
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
    if (page === 1) {
      yield {
        text: `${list.columns.map((column) => csvField(column.label)).join(',')}\r\n`,
        rows: 0,
      }
    }
    if (list.rows.length > 0) {
      const text = list.rows.map((row) => `${row.cells.map(csvField).join(',')}\r\n`).join('')
      yield { text, rows: list.rows.length }
      after = list.rows[list.rows.length - 1].id
    }
    if (!list.pagination.hasNext) return
  }
}

/** The change list as CSV text, as {@link changeListCsvChunks} reads it: for a download. */
export async function* changeListCsv(input: ChangeListInput): AsyncGenerator<string> {
  for await (const chunk of changeListCsvChunks(input)) yield chunk.text
}

/**
 * How many rows the change list's export would hold, counted up to `limit` when given (a scan of
 * at most that many matches, to tell a small export from a large one), else exactly.
 */
export async function exportRowCount(
  { admin, ctx, state, filters }: ChangeListInput,
  limit?: number
): Promise<number> {
  const searchPaths = await searchPathsOf(admin, ctx)
  const query = matchingRows({ admin, state, searchPaths, filters })
    .clearSelect()
    .select(db.raw('1'))
  if (limit !== undefined) query.limit(limit)
  const result = await db.from(query.as('matching')).count('* as total').first()
  return Number(result?.total ?? 0)
}

/** The headers of a CSV download named `filename`: text/csv, an attachment, never cached. */
export function sendAsCsvAttachment(response: HttpContext['response'], filename: string) {
  response.header('Content-Type', 'text/csv; charset=utf-8')
  response.header('Content-Disposition', `attachment; filename="${filename}"`)
  response.header('Cache-Control', 'no-store')
}
