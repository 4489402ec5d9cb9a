import db from '@adonisjs/lucid/services/db'
import type { AdminContext } from '#admin/admin_context'
import type { ModelAdmin } from '#admin/model_admin'
import type {
  AdminChangeListProps,
  AdminColumn,
  AdminCount,
  AdminRow,
  AdminValueType,
} from '#admin/types'
import { adminUrls } from '#admin/urls'
import { countRows } from '#admin/counts'
import { humanize } from '#introspection/model_fields'
import { toAdminValue } from '#admin/values'
import { columnTypesOf } from '#introspection/column_types'
import { type ListFilter, listFilterOf } from '#admin/filters'
import { InvalidChangeListQueryException } from '#admin/exceptions'
import { DELETE_SELECTED } from '#admin/bulk_actions'
import {
  type ChangeListState,
  type ResolvedPath,
  type SortKey,
  applyOrdering,
  matchingRows,
  resolvePath,
} from '#admin/change_list_query'

/** Query string parameters of a change list that are not filters: search, sort and page. */
export const RESERVED_PARAMS = new Set(['q', 'sort', 'page'])

/** A change list request: the admin, the request's context and its query string. */
export type ChangeListRequest = {
  admin: ModelAdmin
  ctx: AdminContext
  query: Record<string, unknown>
}

/** What a change list is built from: the admin, the request's context, its state and filters. */
export type ChangeListInput = {
  admin: ModelAdmin
  ctx: AdminContext
  state: ChangeListState
  filters: ListFilter[]
}

/**
 * How `buildChangeList` pages: `count: false` skips the count and the filters' descriptions (the
 * CSV export), `after` pages by primary key from that key instead of by offset.
 */
export type ChangeListPaging = { count?: boolean; after?: string }

/** The highest page number accepted: deep offsets cost a scan, and nobody reads that far. */
const MAX_PAGE = 10_000

/**
 * Reads a change list's query string into its state, refusing (with the offending name) any
 * sort, filter or value the admin does not offer, before anything is queried.
 */
export async function readChangeListState({
  admin,
  ctx,
  query,
  filters,
}: ChangeListRequest & { filters: ListFilter[] }): Promise<ChangeListState> {
  const refuse = (message: string): never => {
    throw new InvalidChangeListQueryException(message, adminUrls.changeList(admin))
  }
  const text = (name: string) => {
    const value = query[name]
    if (value === undefined) return undefined
    if (typeof value !== 'string') refuse(`The parameter "${name}" must appear once.`)
    return value as string
  }

  const sortable = new Set(admin.getSortableFields(ctx))
  const sort: SortKey[] = []
  const sortParam = text('sort')
  if (sortParam) {
    for (const part of sortParam.split(',')) {
      const path = part.replace(/^-/, '')
      if (!sortable.has(path)) refuse(`${admin.pluralLabel} cannot be sorted by "${path}".`)
      sort.push({ path, descending: part.startsWith('-') })
    }
  }

  const pageParam = text('page') ?? '1'
  const page = Number(pageParam)
  if (!/^\d+$/.test(pageParam) || page < 1 || page > MAX_PAGE) {
    refuse(`"${pageParam}" is not a page number from 1 to ${MAX_PAGE}.`)
  }

  const chosen: Record<string, string> = {}
  for (const name of Object.keys(query)) {
    if (RESERVED_PARAMS.has(name)) continue
    const filter = filters.find((candidate) => candidate.param === name)
    if (!filter) refuse(`${admin.pluralLabel} have no filter "${name}".`)
    const value = text(name)!
    if (!filter!.accepts(value)) refuse(`"${value}" is not a choice of the filter "${name}".`)
    chosen[name] = value
  }

  return {
    search: (text('q') ?? '').slice(0, 200),
    sort: sort.length > 0 ? sort : defaultSort(admin, ctx),
    page,
    filters: chosen,
  }
}

function defaultSort(admin: ModelAdmin, ctx: AdminContext): SortKey[] {
  return admin
    .getOrdering(ctx)
    .map((part) => ({ path: part.replace(/^-/, ''), descending: part.startsWith('-') }))
}

/** The filters and the state a change list request asks for (the page and the CSV export). */
export async function readChangeListRequest({ admin, ctx, query }: ChangeListRequest) {
  const filters = await changeListFilters(admin, ctx)
  const state = await readChangeListState({ admin, ctx, query, filters })
  return { filters, state }
}

/** The filters of the admin's change list, as this user's time zone reckons dates. */
export function changeListFilters(admin: ModelAdmin, ctx: AdminContext): Promise<ListFilter[]> {
  return Promise.all(
    admin
      .getListFilter(ctx)
      .map((name) => listFilterOf({ admin, name, timeZone: ctx.user.timeZone }))
  )
}

/** The admin's search fields, resolved, each knowing whether it holds text. */
export async function searchPathsOf(admin: ModelAdmin, ctx: AdminContext): Promise<ResolvedPath[]> {
  const paths = admin.getSearchFields(ctx).map((name) => resolvePath(admin, name))
  const types = await typesOf(paths)
  return paths.map((path, index) => ({ ...path, text: types[index] === 'text' }))
}

/** The value type of each resolved path, from its table's columns. */
async function typesOf(paths: ResolvedPath[]): Promise<AdminValueType[]> {
  return Promise.all(
    paths.map(async (path) => {
      const types = await columnTypesOf(path.table)
      return types.get(path.column)?.type ?? 'text'
    })
  )
}

/** The query string of a state, as the page keeps it in the URL. */
function paramsOf(state: ChangeListState, sortParam: string | null): Record<string, string> {
  const params: Record<string, string> = { ...state.filters }
  if (state.search) params.q = state.search
  if (sortParam) params.sort = sortParam
  if (state.page > 1) params.page = String(state.page)
  return params
}

/**
 * One page of a change list as the generic page draws it: columns, rows (plain values, no model
 * hydration), filters, actions, a count that never costs an exact `COUNT(*)` over a large table,
 * and the URL state. Two queries at most, the page and its count, whatever the page size; one
 * when the page is not full, for then it is its own count.
 */
export async function buildChangeList({
  admin,
  ctx,
  state,
  filters,
  count: counted = true,
  after,
}: ChangeListInput & ChangeListPaging): Promise<Omit<AdminChangeListProps, 'nav'>> {
  const display = admin.getListDisplay(ctx)
  const fieldNames = display.filter((name) => !Object.hasOwn(admin.computed, name))
  const displayPaths = fieldNames.map((name) => resolvePath(admin, name))
  const searchPaths = await searchPathsOf(admin, ctx)
  const keyColumn = admin.primaryKey.column
  const sortable = new Set(admin.getSortableFields(ctx))

  const matching = matchingRows({ admin, state, searchPaths, filters })
  const pageQuery = matchingRows({
    admin,
    state,
    searchPaths,
    filters,
    joinsFor: [...displayPaths, ...state.sort.map((key) => resolvePath(admin, key.path))],
  })
  const computedColumns = Object.values(admin.computed).flatMap((column) => column.select ?? [])
  const computedExpressions = Object.entries(admin.computed).flatMap(([name, column]) =>
    column.expression ? [db.raw(`(${column.expression}) as ??`, [name])] : []
  )
  pageQuery.select(
    `${admin.table}.${keyColumn} as __key`,
    ...displayPaths.map((path) => `${path.sql} as ${path.alias}`),
    ...computedColumns.map((column) => `${admin.table}.${column}`),
    ...computedExpressions
  )
  applyOrdering({ admin, query: pageQuery, sort: state.sort })
  if (after === undefined) {
    pageQuery.offset((state.page - 1) * admin.perPage)
  } else {
    // Keyset paging (lists ordered by primary key only): no offset to walk past.
    const descending = state.sort[0]?.descending ?? false
    pageQuery.where(`${admin.table}.${keyColumn}`, descending ? '<' : '>', after)
  }
  pageQuery.limit(admin.perPage + 1)

  const filtered = state.search.trim() !== '' || Object.keys(state.filters).length > 0
  const [records, types, filterProps] = await Promise.all([
    pageQuery,
    typesOf(displayPaths),
    counted
      ? Promise.all(filters.map((filter) => filter.describe(state.filters[filter.param] ?? null)))
      : [],
  ])
  const count = counted
    ? (countFromPage(state, admin.perPage, records.length) ??
      (await countRows({ table: admin.table, query: matching, filtered })))
    : ({ value: 0, kind: 'atLeast' } as const)

  const sortParamOf = (path: string, descending: boolean) => `${descending ? '-' : ''}${path}`
  const currentSort = state.sort.map((key) => sortParamOf(key.path, key.descending)).join(',')
  const isDefaultSort = currentSort === admin.getOrdering(ctx).join(',')

  const columns: AdminColumn[] = display.map((name) => {
    const computed = Object.hasOwn(admin.computed, name) ? admin.computed[name] : null
    if (computed) {
      return {
        name,
        label: computed.label,
        type: computed.type ?? 'text',
        sortParam: null,
        sorted: null,
      }
    }
    const index = fieldNames.indexOf(name)
    const current = state.sort[0]?.path === name ? state.sort[0] : null
    return {
      name,
      label: admin.fieldOptions[name]?.label ?? humanize(name),
      type: types[index],
      sortParam: sortable.has(name)
        ? sortParamOf(name, current ? !current.descending : false)
        : null,
      sorted: current ? (current.descending ? 'desc' : 'asc') : null,
    }
  })

  const canView = admin.hasViewPermission(ctx)
  const rows: AdminRow[] = records.slice(0, admin.perPage).map((record) => ({
    id: String(record.__key),
    url: canView ? adminUrls.change(admin, record.__key) : null,
    cells: display.map((name) => {
      const computed = Object.hasOwn(admin.computed, name) ? admin.computed[name] : null
      if (computed) return computed.value(record)
      const index = fieldNames.indexOf(name)
      const value = toAdminValue(record[displayPaths[index].alias], types[index])
      const choices = admin.fieldOptions[name]?.choices
      return choices && typeof value === 'string' ? (choices[value] ?? value) : value
    }),
  }))

  const actions = [
    ...(admin.hasDeletePermission(ctx)
      ? [{ name: DELETE_SELECTED, label: `Delete selected ${admin.pluralLabel.toLowerCase()}` }]
      : []),
    ...admin
      .getActions(ctx)
      .filter((action) => ctx.can(admin.permissionKey, action.permission))
      .map((action) => ({ name: action.name, label: action.label })),
  ]

  return {
    model: modelInfo(admin, ctx),
    columns,
    rows,
    filters: filterProps,
    actions,
    searchable: searchPaths.length > 0,
    search: state.search,
    params: paramsOf(state, isDefaultSort ? null : currentSort),
    pagination: {
      page: state.page,
      perPage: admin.perPage,
      count,
      hasNext: records.length > admin.perPage,
    },
    exportUrl: canView ? adminUrls.export(admin) : null,
    actionUrl: adminUrls.actions(admin),
  }
}

/**
 * The exact count when the page itself tells it: a page that is not full (and not past the end)
 * is the last one. Spares the count query, which for a rare search term reads the whole table.
 */
function countFromPage(
  state: ChangeListState,
  perPage: number,
  fetched: number
): AdminCount | null {
  if (fetched > perPage) return null
  if (fetched === 0 && state.page > 1) return null
  return { value: (state.page - 1) * perPage + fetched, kind: 'exact' }
}

/** The model a page is about, and what this user may do with it. */
export function modelInfo(admin: ModelAdmin, ctx: AdminContext) {
  const canAdd = admin.hasAddPermission(ctx)
  return {
    slug: admin.slug,
    label: admin.pluralLabel,
    labelSingular: admin.singularLabel,
    url: adminUrls.changeList(admin),
    addUrl: canAdd ? adminUrls.add(admin) : null,
    canAdd,
    canChange: admin.hasChangePermission(ctx),
    canDelete: admin.hasDeletePermission(ctx),
  }
}
