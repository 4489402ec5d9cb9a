import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type {
  ChainableContract,
  DatabaseQueryBuilderContract,
} from '@adonisjs/lucid/types/querybuilder'
import apiConfig from '#config/api'
import { ApiException } from '#api/api_exception'

/**
 * One key of a list's order: an SQL expression that is never null (wrap nullable columns in
 * `coalesce`) and its direction. A list's order ends with a unique key (the id), so that every
 * row has exactly one place and a cursor can point between two rows.
 */
export type OrderKey = { sql: string; direction: 'asc' | 'desc' }

/** The paging parameters every list accepts, to spread into its query validator. */
export function pagingParams() {
  return {
    page: vine.number().withoutDecimals().range([1, 100_000]).optional(),
    perPage: vine.number().withoutDecimals().range([1, apiConfig.maxPerPage]).optional(),
    cursor: vine.string().maxLength(1000).optional(),
  }
}

/** What a list answer says besides its rows. */
export type ListMeta =
  | { paging: 'page'; total: number; page: number; perPage: number; lastPage: number }
  | { paging: 'cursor'; perPage: number; nextCursor: string | null }

/** A list answer: `{ data, meta, links }`. */
export type ListAnswer<Row> = {
  data: Row[]
  meta: ListMeta
  links: { self: string; next: string | null; prev: string | null }
}

type Paging = { page?: number; perPage?: number; cursor?: string }

/** Orders `query` by `keys` (for pages of the app as well as the API). */
export function applyOrder<Query extends ChainableContract>(query: Query, keys: OrderKey[]) {
  for (const key of keys) query.orderByRaw(`${key.sql} ${key.direction}`)
  return query
}

/**
 * Reads one page of `query` ordered by `keys`, by page number (with the total: `?page=3`) or by
 * cursor (`?cursor=` to start, then the `next` link: keyset paging, which stays fast at any depth
 * and neither skips nor repeats rows while others add and delete). `order` names the order, so a
 * cursor taken under another one is refused.
 */
export async function paginate(
  ctx: HttpContext,
  query: DatabaseQueryBuilderContract,
  paging: Paging,
  keys: OrderKey[],
  order = 'default'
): Promise<{ rows: Record<string, any>[]; meta: ListMeta; links: ListAnswer<never>['links'] }> {
  const perPage = paging.perPage ?? apiConfig.defaultPerPage
  if (paging.cursor !== undefined && paging.page !== undefined) {
    throw new ApiException(400, 'Page by `page` or by `cursor`, not both.', {
      errors: [{ field: 'cursor', rule: 'exclusive', message: 'Use either page or cursor.' }],
    })
  }

  if (paging.cursor === undefined) {
    const page = paging.page ?? 1
    const result = await applyOrder(query, keys).paginate(page, perPage)
    const lastPage = Math.max(1, result.lastPage)
    return {
      rows: result.all(),
      meta: { paging: 'page', total: result.total, page, perPage, lastPage },
      links: {
        self: linkTo(ctx, { page: String(page) }),
        next: page < lastPage ? linkTo(ctx, { page: String(page + 1) }) : null,
        prev: page > 1 ? linkTo(ctx, { page: String(Math.min(page - 1, lastPage)) }) : null,
      },
    }
  }

  const after = paging.cursor === '' ? null : decodeCursor(paging.cursor, order, keys.length)
  if (after) query.where((inner) => keysetAfter(inner, keys, after))
  keys.forEach((key, index) => query.select(db.raw(`cast(${key.sql} as text) as cursor_${index}`)))
  const rows = await applyOrder(query, keys).limit(perPage + 1)
  const more = rows.length > perPage
  const page = more ? rows.slice(0, perPage) : rows
  const last = page.at(-1)
  const nextCursor =
    more && last
      ? encodeCursor(
          order,
          keys.map((_, index) => String(last[`cursor_${index}`]))
        )
      : null
  return {
    rows: page,
    meta: { paging: 'cursor', perPage, nextCursor },
    links: {
      self: linkTo(ctx, { cursor: paging.cursor }),
      next: nextCursor ? linkTo(ctx, { cursor: nextCursor }) : null,
      prev: null,
    },
  }
}

/** Rows strictly after `values` in the order of `keys`: (a > x) or (a = x and b > y)… */
function keysetAfter(query: DatabaseQueryBuilderContract, keys: OrderKey[], values: string[]) {
  keys.forEach((key, index) => {
    query.orWhere((branch) => {
      for (let equal = 0; equal < index; equal++) {
        branch.whereRaw(`${keys[equal].sql} = ?`, [values[equal]])
      }
      branch.whereRaw(`${key.sql} ${key.direction === 'asc' ? '>' : '<'} ?`, [values[index]])
    })
  })
}

function encodeCursor(order: string, values: string[]) {
  return Buffer.from(JSON.stringify({ o: order, v: values })).toString('base64url')
}

function decodeCursor(cursor: string, order: string, length: number): string[] {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    const values = decoded?.v
    if (
      decoded?.o === order &&
      Array.isArray(values) &&
      values.length === length &&
      values.every((value: unknown) => typeof value === 'string')
    ) {
      return values
    }
  } catch {}
  throw new ApiException(
    400,
    'The cursor is not one this list gave, or was given for another order.',
    {
      errors: [
        { field: 'cursor', rule: 'cursor', message: 'Use the `next` link of the previous page.' },
      ],
    }
  )
}

/** The URL of this list with `changes` to its query string (the other parameters kept). */
function linkTo(ctx: HttpContext, changes: Record<string, string | undefined>) {
  const params = new URLSearchParams()
  const query = { ...ctx.request.qs(), ...changes }
  if ('cursor' in changes) delete query.page
  if ('page' in changes) delete query.cursor
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value))
  }
  const search = params.toString()
  return `${ctx.request.completeUrl(false)}${search ? `?${search}` : ''}`
}
