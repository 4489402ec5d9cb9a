import { readdir } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import string from '@adonisjs/core/helpers/string'
import db from '@adonisjs/lucid/services/db'
import adminSite from '#admin/admin_site'
import type { ModelAdmin } from '#admin/model_admin'
import type { AdminContext } from '#admin/admin_context'
import { memberOf } from '#introspection/model_fields'
import { columnTypesOf } from '#introspection/column_types'
import { RESERVED_PARAMS } from '#admin/change_list'
import { filterTasksValidator } from '#validators/task'

/** Route parameter values that name no row, and query values no page accepts. */
export const HOSTILE_VALUES = ['abc', '1.5', '-1', '0', '2147483648', '99999999999999999999', '%00']

/** Numbers that name no row: sent in the id fields of hostile bodies. */
const HOSTILE_NUMBERS = [2147483648, 1.5, -1, 0, 1e20]

/** One way to call a route: its method and URL with every parameter filled in. */
export type RouteCall = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  pattern: string
  name: string
  /** Parameter name → the value that names the fixture's row (or a valid slug). */
  params: Record<string, string>
  /** Query parameters the page validates one by one (a schema), or none. */
  queryNames: string[]
  /** Whether this is the route's first expansion (per admin model or lookup field). */
  first: boolean
}

/** The names of parameters that name a row (each has the row id matcher: see row_ids.spec.ts). */
export const ROW_PARAM = /^id$|Id$/

/** Routes that test files register to fail on purpose (see errors.spec.ts): not the app's. */
const TEST_ROUTES = /^\/__tests\//

/** A URL of `call` with `params` in place of its parameters (`*` for a wildcard's). */
export function urlOf(call: RouteCall, params: Record<string, string> = call.params): string {
  return call.pattern.replace(/:(\w+)\??|\*/g, (match, name?: string) => params[name ?? match])
}

/** The fields of a VineJS validator's top-level object, read from its compiled schema. */
function validatorFields(validator: { toJSON(): unknown }): string[] {
  const json = validator.toJSON() as {
    schema: { schema?: { properties?: { fieldName: string }[] } }
  }
  return (json.schema.schema?.properties ?? []).map((property) => property.fieldName)
}

/** The fields of a form, split by what they hold: row ids, or anything else. */
export type FormFields = { ids: string[]; others: string[] }

/** Field names that hold row ids in the app's forms: `ids`, `assigneeId`, `labelIds`. */
const ID_FIELD = /^ids?$|Ids?$/

/**
 * Every field name a form of the app sends: the fields of every validator in app/validators and
 * of every admin form, the ids (and the admin's relation fields) apart.
 */
export async function formFields(ctx: AdminContext): Promise<FormFields> {
  const ids = new Set(['ids'])
  const others = new Set(['action', '_version', '_inlines', '_save'])
  const folder = app.makePath('app/validators')
  for (const file of await readdir(folder)) {
    if (!file.endsWith('.ts')) continue
    const module = await import(`#validators/${file.replace(/\.ts$/, '')}`)
    for (const exported of Object.values(module)) {
      if (exported && typeof (exported as { toJSON?: unknown }).toJSON === 'function') {
        for (const name of validatorFields(exported as { toJSON(): unknown })) {
          ;(ID_FIELD.test(name) ? ids : others).add(name)
        }
      }
    }
  }
  for (const admin of adminSite.all()) {
    for (const name of admin.getFieldsets(ctx).flatMap((fieldset) => fieldset.fields)) {
      const kind = memberOf(admin.model, name)?.kind
      ;(kind === 'belongsTo' || kind === 'manyToMany' ? ids : others).add(name)
    }
  }
  return { ids: [...ids].sort(), others: [...others].filter((name) => !ids.has(name)).sort() }
}

/**
 * The hostile bodies: every field with a NUL character, then for each hostile number, the id
 * fields set to it and every other field to a list holding it. No form can accept one (a list is
 * no value of any other field), yet each id is still checked, as validators check every field.
 */
export function hostileBodies(fields: FormFields): Record<string, unknown>[] {
  const all = [...fields.ids, ...fields.others]
  return [
    Object.fromEntries(all.map((name) => [name, 'a\u0000b'])),
    ...HOSTILE_NUMBERS.map((value) =>
      Object.fromEntries([
        ...fields.ids.map((name) => [name, value]),
        ...fields.others.map((name) => [name, [value]]),
      ])
    ),
  ]
}

/** Every query parameter name a page of the app reads (hostile query strings set them all). */
export function queryNames(ctx: AdminContext): string[] {
  const names = new Set([...RESERVED_PARAMS, 'ids', 'next', 'email', 'comments'])
  for (const name of validatorFields(filterTasksValidator)) names.add(name)
  for (const admin of adminSite.all()) for (const name of admin.getListFilter(ctx)) names.add(name)
  return [...names].sort()
}

/** The query parameters a route validates one by one, so each gets its own hostile values. */
function schemaOf(name: string, admin: ModelAdmin | null, ctx: AdminContext): string[] {
  if (name === 'projects.tasks.index') return validatorFields(filterTasksValidator)
  if (admin && (name === 'admin.records.index' || name === 'admin.exports.show')) {
    return [...RESERVED_PARAMS, ...admin.getListFilter(ctx)]
  }
  return []
}

/** The relation fields an admin offers to its pickers and filters (its lookup URLs). */
function lookupFields(admin: ModelAdmin, ctx: AdminContext): string[] {
  const fields = [
    ...admin.getFieldsets(ctx).flatMap((fieldset) => fieldset.fields),
    ...admin.getListFilter(ctx),
  ]
  const relations = fields.filter((field) =>
    ['belongsTo', 'manyToMany'].includes(memberOf(admin.model, field)?.kind ?? '')
  )
  return [...new Set(relations)]
}

/** The lowest key of `table` (a row of the fixture), or null when it has no `id` or no rows. */
async function lowestId(table: string): Promise<string | null> {
  const columns = await columnTypesOf(table)
  if (!columns.has('id')) return null
  const row = await db.from(table).min('id as id').first()
  return row?.id === null || row?.id === undefined ? null : String(row.id)
}

/**
 * The row a row parameter names in the fixture, found from the URL alone: `:projectId` and
 * `:taskId` name a row of projects and tasks; `:id` a row of the admin's model, or of the table the
 * segment before it names (`labels`, or `project_invitations` for `invitations`).
 */
async function rowFor(
  pattern: string,
  param: string,
  admin: ModelAdmin | null,
  tables: string[]
): Promise<string> {
  const segments = pattern.split('/')
  const before = segments[segments.indexOf(`:${param}`) - 1] ?? ''
  let candidates: string[]
  if (param !== 'id') candidates = [string.plural(string.snakeCase(param.replace(/Id$/, '')))]
  else if (admin && before === ':model') candidates = [admin.table]
  else {
    const name = string.snakeCase(before)
    candidates = [name, ...tables.filter((table) => table.endsWith(`_${name}`))]
  }
  for (const table of candidates.filter((candidate) => tables.includes(candidate))) {
    const id = await lowestId(table)
    if (id) return id
  }
  return '1'
}

/**
 * Every route of the router (test-only routes aside) as calls with valid parameters: one per
 * method (HEAD aside), per registered admin model for `:model`, and per lookup field for `:field`.
 */
export async function routeCalls(ctx: AdminContext, tables: string[]): Promise<RouteCall[]> {
  const calls: RouteCall[] = []
  for (const route of Object.values(router.toJSON()).flat()) {
    if (TEST_ROUTES.test(route.pattern)) continue
    const names = route.tokens.filter((token) => token.type !== 0).map((token) => token.val)
    const rowParams = names.filter((name) => ROW_PARAM.test(name))
    const admins = names.includes('model') ? adminSite.all() : [null]
    let first = true
    for (const admin of admins) {
      const fields = names.includes('field') && admin ? lookupFields(admin, ctx) : [null]
      for (const field of fields.length > 0 ? fields : ['id']) {
        const params: Record<string, string> = {}
        for (const name of names) {
          if (name === 'model' && admin) params[name] = admin.slug
          else if (name === 'field') params[name] = field ?? 'id'
          else if (rowParams.includes(name))
            params[name] = await rowFor(route.pattern, name, admin, tables)
          else params[name] = 'no-such-token-0123456789abcdef'
        }
        for (const method of route.methods.filter((candidate) => candidate !== 'HEAD')) {
          calls.push({
            method: method as RouteCall['method'],
            pattern: route.pattern,
            name: route.name ?? route.pattern,
            params,
            queryNames: method === 'GET' ? schemaOf(route.name ?? '', admin, ctx) : [],
            first,
          })
        }
        first = false
      }
    }
  }
  return calls
}
