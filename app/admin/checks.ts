import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { ModelAdmin } from '#admin/model_admin'
import { AdminChecksException } from '#admin/exceptions'
import { DELETE_SELECTED } from '#admin/bulk_actions'
import { columnsOf, memberOf } from '#introspection/model_fields'
import { ADMIN_CHECKS, type AdminCheckCode, type AdminCheckProblem } from '#admin/check_codes'

/** Collects the problems of one registration, in the order its options are checked. */
class ProblemList {
  readonly problems: AdminCheckProblem[] = []

  constructor(private readonly admin: ModelAdmin) {}

  add(code: AdminCheckCode, value: string | number, problem: string) {
    const { option, hint } = ADMIN_CHECKS[code]
    const admin = this.admin.constructor.name
    const model = this.admin.model.name
    this.problems.push({
      code,
      admin,
      model,
      option,
      value: String(value),
      message: `${admin} (model "${model}"), option "${option}": ${problem}`,
      hint,
    })
  }
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

function checkFieldPaths(
  problems: ProblemList,
  admin: ModelAdmin,
  code: AdminCheckCode,
  paths: string[]
) {
  for (const path of paths) {
    const name = path.replace(/^-/, '')
    if (!isFieldPath(admin.model, name)) {
      problems.add(code, name, `"${name}" is not a field of ${admin.model.name}`)
    }
  }
}

function checkListOptions(problems: ProblemList, admin: ModelAdmin) {
  const displayed = admin.listDisplay.filter((name) => !Object.hasOwn(admin.computed, name))
  checkFieldPaths(problems, admin, 'admin.E101', displayed)
  checkFieldPaths(problems, admin, 'admin.E102', admin.searchFields)
  for (const name of admin.listFilter) {
    const member = memberOf(admin.model, name)
    if (member?.kind !== 'column' && member?.kind !== 'belongsTo') {
      problems.add(
        'admin.E103',
        name,
        `"${name}" is not a column or a belongsTo relation of ${admin.model.name}`
      )
    }
  }
  checkFieldPaths(problems, admin, 'admin.E104', admin.ordering)
  checkFieldPaths(problems, admin, 'admin.E105', admin.sortableFields ?? [])
  if (!Number.isInteger(admin.perPage) || admin.perPage < 1 || admin.perPage > 500) {
    problems.add(
      'admin.E106',
      admin.perPage,
      `${admin.perPage} is not a whole number from 1 to 500`
    )
  }
  if (!isColumn(admin.model, admin.titleAttribute)) {
    problems.add('admin.E107', admin.titleAttribute, `"${admin.titleAttribute}" is not a column`)
  }
}

function checkFormOptions(problems: ProblemList, admin: ModelAdmin) {
  const model = admin.model
  for (const name of admin.readonlyFields) {
    if (!memberOf(model, name)) {
      problems.add('admin.E108', name, `"${name}" is not a field of ${model.name}`)
    }
  }
  const fields = (admin.fieldsets ?? []).flatMap((fieldset) => fieldset.fields)
  const seen = new Set<string>()
  for (const name of fields) {
    const member = memberOf(model, name)
    if (!member || member.kind === 'hasMany') {
      problems.add('admin.E109', name, `"${name}" is not a field of ${model.name}`)
    }
    if (seen.has(name)) problems.add('admin.E110', name, `"${name}" appears twice`)
    seen.add(name)
  }
  for (const name of Object.keys(admin.fieldOptions)) {
    if (!memberOf(model, name) && !isFieldPath(model, name)) {
      problems.add('admin.E111', name, `"${name}" is not a field of ${model.name}`)
    }
  }
  for (const name of Object.keys(admin.fieldRules)) {
    if (!isColumn(model, name)) {
      problems.add('admin.E112', name, `"${name}" is not a column of ${model.name}`)
    }
  }
}

function checkInlines(problems: ProblemList, admin: ModelAdmin) {
  for (const inline of admin.inlines) {
    const member = memberOf(admin.model, inline.relation)
    if (member?.kind !== 'hasMany') {
      problems.add(
        'admin.E113',
        inline.relation,
        `"${inline.relation}" is not a hasMany relation of ${admin.model.name}`
      )
      continue
    }
    const child = member.relation.relatedModel()
    for (const name of inline.fields) {
      if (!isColumn(child, name)) {
        problems.add('admin.E114', name, `"${name}" is not a column of ${child.name}`)
      }
    }
    for (const name of inline.readonlyFields ?? []) {
      if (!isColumn(child, name) && memberOf(child, name)?.kind !== 'belongsTo') {
        problems.add('admin.E115', name, `"${name}" is not a field of ${child.name}`)
      }
    }
    for (const path of inline.ordering ?? []) {
      if (!isColumn(child, path.replace(/^-/, ''))) {
        problems.add('admin.E116', path, `"${path}" is not a field of ${child.name}`)
      }
    }
  }
}

function checkActions(problems: ProblemList, admin: ModelAdmin) {
  const names = new Set<string>()
  for (const action of admin.actions) {
    if (action.name === DELETE_SELECTED) {
      problems.add('admin.E117', action.name, `"${action.name}" is the name of the built-in action`)
    } else if (names.has(action.name)) {
      problems.add('admin.E118', action.name, `"${action.name}" is declared twice`)
    }
    names.add(action.name)
  }
}

/**
 * Every problem of one registration against its model, as Django's system checks: each field an
 * option names must exist, so a typo fails at boot with the model and option named, not on click.
 */
export function problemsOf(admin: ModelAdmin): AdminCheckProblem[] {
  const problems = new ProblemList(admin)
  checkListOptions(problems, admin)
  checkFormOptions(problems, admin)
  checkInlines(problems, admin)
  checkActions(problems, admin)
  return problems.problems
}

/** Checks every registration and throws one error listing all their problems, if any. */
export function checkModelAdmins(admins: ModelAdmin[]) {
  const problems = admins.flatMap((admin) => problemsOf(admin))
  if (problems.length > 0) throw new AdminChecksException(problems)
}
