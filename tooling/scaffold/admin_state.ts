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
 * `admin.stub`: the resource's admin registration, from its fields: the title searched and listed
 * first, enums with their choices, booleans, dates and relations as filters, long text in text
 * areas, the version read-only, and a `clean()` that holds the admin to the app's rules on
 * relations.
 */
export function adminState(resource: Resource) {
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
  const fieldOptions = [
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
  return {
    title: humanize(names.pluralLabel),
    parent,
    area: project ? 'Projects' : 'Content',
    titleField: title?.property ?? null,
    listDisplay: list(listDisplay),
    searchFields: list(searchFields),
    listFilter: list(listFilter),
    sortableFields: list(sortable),
    formFields: list(formFields),
    fieldOptions: fieldOptions.join(', '),
    relations: cleanChecks(resource),
  }
}

/** The checks of the admin's `clean()`: each relation points at a row the app's form would offer. */
function cleanChecks(resource: Resource) {
  const { names } = resource
  const scope = scopeColumn(resource)
  const v = names.singularVar
  return resource.relations.map((field) => {
    const target = targetOf(resource, field)
    return {
      property: field.property,
      relation: field.relation!.property,
      lookup:
        target.kind === 'user'
          ? `db.from('project_members').where({ project_id: ${v}.projectId, user_id: ${v}.${field.property} })`
          : `db.from('${target.table}').where({ id: ${v}.${field.property}, ${scope.column}: ${v}.${scope.property} })`,
      message:
        target.kind === 'user'
          ? `The ${field.name.replaceAll('_', ' ')} must be a member of the project`
          : `Choose a ${field.name.replaceAll('_', ' ')} of the same ${inProject(resource) ? 'project' : 'owner'}`,
    }
  })
}
