import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { ModelAdmin } from '#admin/model_admin'
import { AdminConfigurationError } from '#admin/errors'
import { DELETE_SELECTED } from '#admin/bulk_actions'
import { columnsOf, memberOf } from '#introspection/model_fields'

/** Throws a configuration error naming the admin, the option and the offending value. */
function fail(admin: ModelAdmin, option: string, code: string, problem: string): never {
  throw new AdminConfigurationError(
    code,
    `${admin.constructor.name} (model "${admin.model.name}"), option "${option}": ${problem}`
  )
}

/** Whether `name` is a column attribute of `model`. */
function isColumn(model: LucidModel, name: string): boolean {
  return columnsOf(model).some((column) => column.attribute === name)
}

/**
 * Whether `path` is a column, or `relation.column` through a belongsTo relation: what lists,
 * searches and orderings may name.
 */
export function isFieldPath(model: LucidModel, path: string): boolean {
  const [head, tail, ...rest] = path.split('.')
  if (rest.length > 0) return false
  if (tail === undefined) return isColumn(model, head)
  const member = memberOf(model, head)
  return member?.kind === 'belongsTo' && isColumn(member.relation.relatedModel(), tail)
}

function checkFieldPaths(admin: ModelAdmin, option: string, paths: string[]) {
  for (const path of paths) {
    const name = path.replace(/^-/, '')
    if (!isFieldPath(admin.model, name)) {
      fail(
        admin,
        option,
        'E_ADMIN_UNKNOWN_FIELD',
        `"${name}" is not a field of ${admin.model.name}`
      )
    }
  }
}

function checkFilters(admin: ModelAdmin) {
  for (const name of admin.listFilter) {
    const member = memberOf(admin.model, name)
    if (member?.kind !== 'column' && member?.kind !== 'belongsTo') {
      fail(
        admin,
        'listFilter',
        'E_ADMIN_INVALID_FILTER',
        `"${name}" is not a column or a belongsTo relation of ${admin.model.name}`
      )
    }
  }
}

function checkFormFields(admin: ModelAdmin) {
  const fields = (admin.fieldsets ?? []).flatMap((fieldset) => fieldset.fields)
  for (const name of Object.keys(admin.fieldOptions)) {
    if (!memberOf(admin.model, name) && !isFieldPath(admin.model, name)) {
      fail(
        admin,
        'fieldOptions',
        'E_ADMIN_UNKNOWN_FIELD',
        `"${name}" is not a field of ${admin.model.name}`
      )
    }
  }
  for (const name of fields) {
    const member = memberOf(admin.model, name)
    if (!member || member.kind === 'hasMany') {
      fail(
        admin,
        'fieldsets',
        'E_ADMIN_UNKNOWN_FIELD',
        `"${name}" is not a field of ${admin.model.name}`
      )
    }
  }
  for (const name of Object.keys(admin.fieldRules)) {
    if (!isColumn(admin.model, name)) {
      fail(
        admin,
        'fieldRules',
        'E_ADMIN_UNKNOWN_FIELD',
        `"${name}" is not a column of ${admin.model.name}`
      )
    }
  }
  for (const name of admin.readonlyFields) {
    if (!memberOf(admin.model, name)) {
      fail(
        admin,
        'readonlyFields',
        'E_ADMIN_UNKNOWN_FIELD',
        `"${name}" is not a field of ${admin.model.name}`
      )
    }
  }
  const seen = new Set<string>()
  for (const name of fields) {
    if (seen.has(name))
      fail(admin, 'fieldsets', 'E_ADMIN_DUPLICATE_FIELD', `"${name}" appears twice`)
    seen.add(name)
  }
}

function checkInlines(admin: ModelAdmin) {
  for (const inline of admin.inlines) {
    const member = memberOf(admin.model, inline.relation)
    if (member?.kind !== 'hasMany') {
      fail(
        admin,
        'inlines',
        'E_ADMIN_INVALID_INLINE',
        `"${inline.relation}" is not a hasMany relation of ${admin.model.name}`
      )
    }
    const child = member.relation.relatedModel()
    for (const name of inline.fields) {
      if (!isColumn(child, name)) {
        fail(
          admin,
          'inlines',
          'E_ADMIN_UNKNOWN_FIELD',
          `"${name}" is not a column of ${child.name}`
        )
      }
    }
    for (const name of inline.readonlyFields ?? []) {
      if (!isColumn(child, name) && memberOf(child, name)?.kind !== 'belongsTo') {
        fail(admin, 'inlines', 'E_ADMIN_UNKNOWN_FIELD', `"${name}" is not a field of ${child.name}`)
      }
    }
    for (const path of inline.ordering ?? []) {
      if (!isColumn(child, path.replace(/^-/, ''))) {
        fail(admin, 'inlines', 'E_ADMIN_UNKNOWN_FIELD', `"${path}" is not a field of ${child.name}`)
      }
    }
  }
}

/**
 * Checks one registration against its model, as Django's system checks do: every field an
 * option names must exist, so a typo fails at boot with the model and option named, not on click.
 */
export function checkModelAdmin(admin: ModelAdmin) {
  const displayed = admin.listDisplay.filter((name) => !Object.hasOwn(admin.computed, name))
  checkFieldPaths(admin, 'listDisplay', displayed)
  checkFieldPaths(admin, 'searchFields', admin.searchFields)
  checkFieldPaths(admin, 'ordering', admin.ordering)
  checkFieldPaths(admin, 'sortableFields', admin.sortableFields ?? [])
  checkFilters(admin)
  checkFormFields(admin)
  checkInlines(admin)

  if (!isColumn(admin.model, admin.titleAttribute)) {
    fail(admin, 'titleField', 'E_ADMIN_UNKNOWN_FIELD', `"${admin.titleAttribute}" is not a column`)
  }
  if (!Number.isInteger(admin.perPage) || admin.perPage < 1 || admin.perPage > 500) {
    fail(
      admin,
      'perPage',
      'E_ADMIN_INVALID_OPTION',
      `${admin.perPage} is not a whole number from 1 to 500`
    )
  }
  const names = new Set<string>()
  for (const action of admin.actions) {
    if (action.name === DELETE_SELECTED) {
      fail(
        admin,
        'actions',
        'E_ADMIN_DUPLICATE_ACTION',
        `"${action.name}" is the name of the built-in action`
      )
    }
    if (names.has(action.name)) {
      fail(admin, 'actions', 'E_ADMIN_DUPLICATE_ACTION', `"${action.name}" is declared twice`)
    }
    names.add(action.name)
  }
}
