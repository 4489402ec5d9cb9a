import { valueLabel } from '#scaffold/field_code'
import {
  type Resource,
  humanize,
  inProject,
  scopeColumn,
  targetOf,
  titleField,
} from '#scaffold/resource'

const quote = (value: string) => `'${value}'`
const list = (values: string[]) => `[${values.map(quote).join(', ')}]`

/**
 * The resource's admin registration, from its fields: the title searched and listed first, enums
 * with their choices, booleans, dates and relations as filters, long text in text areas, the
 * version read-only, and a `clean()` that holds the admin to the app's rules on relations.
 */
export function renderAdmin(resource: Resource): string {
  const { names, fields } = resource
  const project = inProject(resource)
  const title = titleField(resource)
  const parent = project ? 'project' : 'owner'
  const relationColumn = (field: (typeof fields)[number]) => {
    const target = targetOf(resource, field)
    return `${field.relation!.property}.${target.titleAttribute}`
  }
  const shown = fields.filter((field) => field.type !== 'text')
  const listDisplay = [
    ...(title ? [title.property] : ['id']),
    project ? 'project.name' : 'owner.email',
    ...shown
      .filter((field) => field !== title)
      .map((field) => (field.relation ? relationColumn(field) : field.property)),
    'updatedAt',
  ]
  const searchFields = fields
    .filter((field) => field.type === 'string')
    .map((field) => field.property)
  const listFilter = [
    ...fields
      .filter((field) => ['enum', 'boolean', 'date', 'datetime'].includes(field.type))
      .map((field) => field.property),
    parent,
    ...resource.relations.map((field) => field.relation!.property),
  ]
  const formFields = [
    parent,
    ...fields.map((field) => (field.relation ? field.relation.property : field.property)),
  ]
  const sortable = [
    'id',
    ...fields
      .filter((field) => !field.relation && field.type !== 'text')
      .map((field) => field.property),
    'updatedAt',
  ]
  const options = [
    ...fields
      .filter((field) => field.type === 'enum')
      .map(
        (field) =>
          `${field.property}: { choices: { ${field.values.map((value) => `${value}: '${valueLabel(value)}'`).join(', ')} } }`
      ),
    ...fields
      .filter((field) => field.type === 'text')
      .map((field) => `${field.property}: { widget: 'textarea' as const }`),
    `'${project ? 'project.name' : 'owner.email'}': { label: '${project ? 'Project' : 'Owner'}' }`,
    ...resource.relations.map(
      (field) => `'${relationColumn(field)}': { label: '${humanize(field.name)}' }`
    ),
  ]
  const lines = [
    `area = '${project ? 'Projects' : 'Content'}'`,
    `activitySubject = '${names.file}'`,
    ...(title ? [`titleField = '${title.property}'`] : []),
    `listDisplay = ${list(listDisplay)}`,
    `searchFields = ${list(searchFields)}`,
    `listFilter = ${list(listFilter)}`,
    `ordering = ['-id']`,
    `sortableFields = ${list(sortable)}`,
    `readonlyFields = ['version']`,
    `fieldsets = [{ title: null, fields: ${list(formFields)} }]`,
    `fieldOptions = { ${options.join(', ')} }`,
  ]
  const needsClean = resource.relations.length > 0
  return `${needsClean ? "import db from '@adonisjs/lucid/services/db'\nimport type { LucidRow } from '@adonisjs/lucid/types/model'\nimport type { AdminContext } from '#admin/admin_context'\n" : ''}import type ${names.model} from '#models/${names.file}'
import { ModelAdmin } from '#admin/model_admin'

/** ${humanize(names.pluralLabel)} in the admin (written by make:resource; edit freely). */
export class ${names.model}Admin extends ModelAdmin<typeof ${names.model}> {
${lines.map((line) => `  ${line}`).join('\n')}
${needsClean ? renderClean(resource) : ''}}
`
}

/** The admin's `clean()`: each relation points at a row the app's form would offer. */
function renderClean(resource: Resource): string {
  const { names } = resource
  const scope = scopeColumn(resource)
  const v = names.singularVar
  const checks = resource.relations.map((field) => {
    const target = targetOf(resource, field)
    const lookup =
      target.kind === 'user'
        ? `db.from('project_members').where({ project_id: ${v}.projectId, user_id: ${v}.${field.property} })`
        : `db.from('${target.table}').where({ id: ${v}.${field.property}, ${scope.column}: ${v}.${scope.property} })`
    const message =
      target.kind === 'user'
        ? `The ${field.name.replaceAll('_', ' ')} must be a member of the project`
        : `Choose a ${field.name.replaceAll('_', ' ')} of the same ${inProject(resource) ? 'project' : 'owner'}`
    return `    if (${v}.${field.property} !== null && !(await ${lookup}.first())) {
      problems.${field.relation!.property} = '${message}'
    }`
  })
  return `
  /** As in the app's form: relations point at rows of the same ${inProject(resource) ? 'project' : 'owner'}. */
  async clean(_ctx: AdminContext, _values: Record<string, unknown>, row: LucidRow) {
    const ${v} = row as ${names.model}
    const problems: Record<string, string> = {}
${checks.join('\n')}
    return problems
  }
`
}
