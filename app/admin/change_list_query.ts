import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { ModelAdmin } from '#admin/model_admin'
import { memberOf } from '#introspection/model_fields'
import { likePattern } from '#admin/search'
import type { ListFilter } from '#admin/filters'

/** One sort key: a field path and its direction. */
export type SortKey = { path: string; descending: boolean }

/** What a change list shows, read from its query string and checked against the admin. */
export type ChangeListState = {
  search: string
  sort: SortKey[]
  page: number
  /** Filter param to the chosen value. */
  filters: Record<string, string>
}

/** A field path resolved to SQL: the qualified column and, for relation fields, its join. */
export type ResolvedPath = {
  path: string
  /** `tasks.title` or `project.name` (the join's alias). */
  sql: string
  /** The key it is selected as: `title`, `project__name`. */
  alias: string
  table: string
  column: string
  join: { alias: string; table: string; on: [string, string] } | null
  /** Whether the column holds text: a search compares other columns as text. */
  text?: boolean
}

/** Resolves `title` or `project.name` on the admin's model (paths are checked at boot). */
export function resolvePath(admin: ModelAdmin, path: string): ResolvedPath {
  const [head, tail] = path.split('.')
  const member = memberOf(admin.model, head)
  if (tail === undefined && member?.kind === 'column') {
    return {
      path,
      sql: `${admin.table}.${member.column}`,
      alias: member.column,
      table: admin.table,
      column: member.column,
      join: null,
    }
  }
  if (tail !== undefined && member?.kind === 'belongsTo') {
    const related = member.relation.relatedModel()
    const target = memberOf(related, tail)
    if (target?.kind === 'column') {
      return {
        path,
        sql: `${head}.${target.column}`,
        alias: `${head}__${target.column}`,
        table: related.table,
        column: target.column,
        join: {
          alias: head,
          table: related.table,
          on: [`${head}.${member.relation.localKeyColumnName}`, `${admin.table}.${member.column}`],
        },
      }
    }
  }
  throw new Error(`"${path}" is not a field of ${admin.model.name}`)
}

/** Adds each distinct join once (a left join: a missing relation keeps the row). */
export function addJoins(query: DatabaseQueryBuilderContract, paths: ResolvedPath[]) {
  const joined = new Set<string>()
  for (const { join } of paths) {
    if (!join || joined.has(join.alias)) continue
    joined.add(join.alias)
    query.leftJoin(`${join.table} as ${join.alias}`, join.on[0], join.on[1])
  }
}

/**
 * The rows a change list matches, unordered and unpaged: the search over the admin's search
 * fields and the chosen filters, with the joins of `joinsFor` (fields shown or sorted on).
 * Pages, counts and the CSV export all start from it.
 */
export function matchingRows({
  admin,
  state,
  searchPaths,
  filters,
  joinsFor = [],
}: {
  admin: ModelAdmin
  state: ChangeListState
  /** The admin's search fields, resolved (`searchPathsOf`). */
  searchPaths: ResolvedPath[]
  filters: ListFilter[]
  joinsFor?: ResolvedPath[]
}): DatabaseQueryBuilderContract {
  const query = db.from(admin.table)
  const term = state.search.trim()
  const searching = term !== '' && searchPaths.length > 0
  addJoins(query, [...(searching ? searchPaths : []), ...joinsFor])
  if (searching) {
    const pattern = likePattern(term)
    query.where((inner) => {
      for (const path of searchPaths) {
        const column = path.text === false ? 'lower(cast(?? as text))' : 'lower(??)'
        inner.orWhereRaw(`${column} like ? escape '\\'`, [path.sql, pattern])
      }
    })
  }
  for (const filter of filters) {
    const value = state.filters[filter.param]
    if (value !== undefined) filter.apply(query, value)
  }
  return query
}

/** Orders by the sort keys, then by primary key so pages never overlap. */
export function applyOrdering({
  admin,
  query,
  sort,
}: {
  admin: ModelAdmin
  query: DatabaseQueryBuilderContract
  sort: SortKey[]
}) {
  const key = `${admin.table}.${admin.primaryKey.column}`
  let keyOrdered = false
  for (const { path, descending } of sort) {
    const resolved = resolvePath(admin, path)
    query.orderBy(resolved.sql, descending ? 'desc' : 'asc')
    if (resolved.sql === key) keyOrdered = true
  }
  if (!keyOrdered) query.orderBy(key, sort[0]?.descending ? 'desc' : 'asc')
}
