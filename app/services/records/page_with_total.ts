import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/** One page of rows and where it sits among all the rows the query matches. */
export type PageWithTotal = {
  rows: Record<string, any>[]
  total: number
  page: number
  perPage: number
  lastPage: number
}

/** The column the page's rows carry the total in (dropped from the rows returned). */
const TOTAL_COLUMN = 'page_with_total'

/**
 * One page of an ordered query and the number of rows it matches, in one statement: the total
 * rides on every row as `count(*) over ()` (SQLite and PostgreSQL alike). Only a page past the
 * last one, which has no row to carry it, costs a second query for the total.
 */
export async function pageWithTotal(
  query: DatabaseQueryBuilderContract,
  page: number,
  perPage: number
): Promise<PageWithTotal> {
  const rows: Record<string, any>[] = await query
    .clone()
    .select(db.raw(`count(*) over () as ${TOTAL_COLUMN}`))
    .limit(perPage)
    .offset((page - 1) * perPage)

  let total = 0
  if (rows.length > 0) total = Number(rows[0][TOTAL_COLUMN])
  else if (page > 1) {
    const counted = await query.clone().clearSelect().clearOrder().count('* as total').first()
    total = Number(counted?.total ?? 0)
  }
  for (const row of rows) delete row[TOTAL_COLUMN]

  return { rows, total, page, perPage, lastPage: Math.max(1, Math.ceil(total / perPage)) }
}
