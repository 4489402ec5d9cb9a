import { toQueryString } from '~/lib/query_string'

/**
 * A change list URL: the current query `params` with `changes` applied (null drops a parameter).
 * Callers pass `page: null` when a filter or the search changes, so the list starts over.
 */
export function listUrl(
  base: string,
  params: Record<string, string>,
  changes: Record<string, string | number | null> = {}
): string {
  const query = toQueryString({ ...params, ...changes })
  return query ? `${base}?${query}` : base
}

/** The URL that searches a lookup endpoint for `term` (it answers `{ results: AdminChoice[] }`). */
export function lookupHref(lookupUrl: string, term: string): string {
  return `${lookupUrl}${lookupUrl.includes('?') ? '&' : '?'}q=${encodeURIComponent(term)}`
}
