import type { FieldSpec } from '#scaffold/field_spec'
import { fieldLabel, valueLabel } from '#scaffold/field_code'
import { listFilterKeys, searchFields } from '#scaffold/http_state'
import { type Resource, humanize, inProject, titleField } from '#scaffold/resource'

/** The type of a field in the form's data: text for everything but booleans. */
function formType(field: FieldSpec) {
  return field.type === 'boolean' ? 'boolean' : 'string'
}

/** A field's value in the form when editing the record `source` (`zone`: the user's). */
function initialValue(field: FieldSpec, source: string | null): string {
  if (source === null) {
    if (field.type === 'boolean') return 'false'
    if (field.type === 'enum') return field.nullable ? "''" : `'${field.values[0]}'`
    return "''"
  }
  const value = `${source}.${field.property}`
  switch (field.type) {
    case 'boolean':
      return field.nullable ? `${value} ?? false` : value
    case 'integer':
    case 'decimal':
    case 'belongs_to':
      return field.nullable ? `${value} === null ? '' : String(${value})` : `String(${value})`
    case 'datetime':
      return field.nullable
        ? `${value} ? toDateTimeInput(${value}, zone) : ''`
        : `toDateTimeInput(${value}, zone)`
    default:
      return field.nullable ? `${value} ?? ''` : value
  }
}

/** The JSX showing a field's value in the list and on the show page. */
function displayValue(field: FieldSpec, source: string): string {
  const value = `${source}.${field.property}`
  const orDash = (shown: string) =>
    field.nullable ? `{${value} === null ? '—' : ${shown}}` : `{${shown}}`
  switch (field.type) {
    case 'boolean':
      return orDash(`${value} ? 'Yes' : 'No'`)
    case 'decimal':
      return orDash(`${value}.toFixed(2)`)
    case 'date':
      return orDash(`formatDay(${value})`)
    case 'datetime':
      return field.nullable
        ? `{${value} === null ? '—' : <Moment iso={${value}} />}`
        : `<Moment iso={${value}} />`
    case 'enum':
      return field.nullable
        ? `{${value} === null ? '—' : ${labelsConstant(field)}[${value}]}`
        : `{${labelsConstant(field)}[${value}]}`
    case 'belongs_to':
      return `{${source}.${field.relation!.property}?.label ?? '—'}`
    default:
      return field.nullable ? `{${value} ?? '—'}` : `{${value}}`
  }
}

/** `STATUS_LABELS`: the labels of an enum's values, declared in the page that shows them. */
function labelsConstant(field: FieldSpec): string {
  return `${field.name.toUpperCase()}_LABELS`
}

/** The `const STATUS_LABELS = { ... }` of the enums a page shows: names and entries. */
function labelConstants(fields: FieldSpec[]) {
  return fields
    .filter((field) => field.type === 'enum')
    .map((field) => ({
      name: labelsConstant(field),
      entries: field.values.map((value) => `${value}: '${valueLabel(value)}'`).join(', '),
    }))
}

/** What the JSX of `displayValue` needs for `fields`: a day formatter, a date-time component. */
function displayUses(fields: FieldSpec[]) {
  return {
    date: fields.some((field) => field.type === 'date'),
    dateTime: fields.some((field) => field.type === 'datetime'),
  }
}

/** `components/form.stub`: the form fields shared by the create and edit pages. */
export function formComponentState(resource: Resource) {
  const { fields } = resource
  const needs = (...types: FieldSpec['type'][]) =>
    fields.some((field) => types.includes(field.type))
  return {
    uses: {
      label: needs('text', 'enum', 'boolean', 'belongs_to'),
      select: needs('enum', 'belongs_to'),
      textArea: needs('text'),
      formField: fields.some(
        (field) => !['boolean', 'text', 'enum', 'belongs_to'].includes(field.type)
      ),
    },
    relations: resource.relations,
    relationKeys: resource.relations.map((field) => `'${field.relation!.property}'`).join(' | '),
    fields: fields.map((field) => ({
      property: field.property,
      formType: formType(field),
      empty: initialValue(field, null),
      input: renderInput(field).trimStart(),
    })),
  }
}

/** The labelled input of a field on the form. */
function renderInput(field: FieldSpec): string {
  const id = field.property
  const label = fieldLabel(field)
  const required = field.nullable ? '' : '\n        required'
  const described = `aria-invalid={Boolean(errors.${id})}
          aria-describedby={errors.${id} ? '${id}-error' : undefined}`
  switch (field.type) {
    case 'boolean':
      return `      <div>
        <div className="flex items-center gap-2">
          <input
            id="${id}"
            type="checkbox"
            checked={data.${id}}
            onChange={(event) => setData('${id}', event.target.checked)}
            aria-describedby={errors.${id} ? '${id}-error' : undefined}
          />
          <Label htmlFor="${id}">${label}</Label>
        </div>
        <InputError id="${id}-error" message={errors.${id}} />
      </div>`
    case 'text':
      return `      <div>
        <Label htmlFor="${id}">${label}</Label>
        <textarea
          id="${id}"
          name="${id}"
          rows={4}
          className={\`\${fieldClasses} mt-1 h-auto\`}
          value={data.${id}}
          onChange={(event) => setData('${id}', event.target.value)}
          ${described}${required}
        />
        <InputError id="${id}-error" message={errors.${id}} />
      </div>`
    case 'enum':
      return `      <div>
        <Label htmlFor="${id}">${label}</Label>
        <Select
          id="${id}"
          name="${id}"
          className="mt-1"
          value={data.${id}}
          onChange={(event) => setData('${id}', event.target.value)}
          ${described}
        >${field.nullable ? '\n          <option value="">None</option>' : ''}
${field.values.map((value) => `          <option value="${value}">${valueLabel(value)}</option>`).join('\n')}
        </Select>
        <InputError id="${id}-error" message={errors.${id}} />
      </div>`
    case 'belongs_to':
      return `      <div>
        <Label htmlFor="${id}">${label}</Label>
        <Select
          id="${id}"
          name="${id}"
          className="mt-1"
          value={data.${id}}
          onChange={(event) => setData('${id}', event.target.value)}
          ${described}${required}
        >
          <option value="">${field.nullable ? 'None' : `Choose a ${field.name.replaceAll('_', ' ')}`}</option>
          {choices.${field.relation!.property}.map((choice) => (
            <option key={choice.id} value={String(choice.id)}>
              {choice.label}
            </option>
          ))}
        </Select>
        <InputError id="${id}-error" message={errors.${id}} />
      </div>`
    default: {
      const inputType = {
        string: 'text',
        integer: 'number',
        decimal: 'number',
        date: 'date',
        datetime: 'datetime-local',
      }[field.type as 'string']
      const step = field.type === 'decimal' ? '\n        step="0.01"' : ''
      return `      <FormField
        id="${id}"
        label="${label}"
        type="${inputType}"${step}${required}
        value={data.${id}}
        onChange={(value) => setData('${id}', value)}
        error={errors.${id}}
      />`
    }
  }
}

/** The route params of one row's page. */
function rowParams(resource: Resource, id: string): string {
  return inProject(resource) ? `{ projectId: project.id, id: ${id} }` : `{ id: ${id} }`
}

/** `pages/index.stub`: the list's columns, filters and cells. */
export function indexPageState(resource: Resource) {
  const { fields } = resource
  const shortFields = fields.filter((field) => field.type !== 'text')
  const columns = shortFields.length ? shortFields : fields
  const title = titleField(resource)
  const [first, ...rest] = title ? [title, ...columns.filter((field) => field !== title)] : columns
  return {
    title: humanize(resource.names.pluralLabel),
    uses: displayUses(columns),
    hasFilters: Object.keys(listFilterKeys(fields)).length > 0,
    enumLabels: labelConstants(columns),
    columns: [first, ...rest].map((field) => ({ label: fieldLabel(field) })),
    rowParams: rowParams(resource, 'row.id'),
    firstCell: title ? displayValue(first, 'row') : `#{row.id} ${displayValue(first, 'row')}`,
    otherCells: rest.map((field) => displayValue(field, 'row')),
  }
}

/**
 * `components/filters.stub`: a search box and a select per enum or boolean field; null, so no
 * file, for a list without filters.
 */
export function filtersComponentState({ fields }: Resource) {
  const keys = listFilterKeys(fields)
  if (Object.keys(keys).length === 0) return null
  return {
    keys: Object.keys(keys),
    hasSearch: searchFields(fields).length > 0,
    selects: Object.entries(keys)
      .filter((entry): entry is [string, FieldSpec] => entry[1] !== null)
      .map(([key, field]) => ({
        key,
        label: fieldLabel(field),
        // One `[value, label]` a line: the stub's loops cannot nest.
        options: (field.type === 'enum'
          ? field.values.map((value) => `['${value}', '${valueLabel(value)}']`)
          : [`['yes', 'Yes']`, `['no', 'No']`]
        ).join(',\n'),
      })),
  }
}

/** `pages/create.stub`: the props of the create page. */
export function createPageState(resource: Resource) {
  const project = inProject(resource)
  const relations = resource.relations.length > 0
  const props = [
    ...(project ? ['project: Data.Project'] : []),
    ...(relations ? [`choices: ${resource.names.model}Choices`] : []),
  ]
  const propNames = [...(project ? ['project'] : []), ...(relations ? ['choices'] : [])]
  return {
    listTitle: humanize(resource.names.pluralLabel),
    relations,
    propsType: props.length ? `{ ${propNames.join(', ')} }: { ${props.join('; ')} }` : '',
  }
}

/** `pages/edit.stub`: the form's initial values from the record; the edited row's name. */
export function editPageState(resource: Resource) {
  const { names, fields } = resource
  const v = names.singularVar
  const project = inProject(resource)
  const relations = resource.relations.length > 0
  const title = titleField(resource)
  return {
    listTitle: humanize(names.pluralLabel),
    relations,
    needsZone: fields.some((field) => field.type === 'datetime'),
    props: [
      ...(project ? ['project: Data.Project'] : []),
      `${v}: Data.${names.model}`,
      ...(relations ? [`choices: ${names.model}Choices`] : []),
    ].join('; '),
    propNames: [...(project ? ['project'] : []), v, ...(relations ? ['choices'] : [])].join(', '),
    fields: fields.map((field) => ({
      property: field.property,
      initial: initialValue(field, v),
    })),
    name: title ? `${v}.${title.property}` : `\`#\${${v}.id}\``,
    rowParams: rowParams(resource, `${v}.id`),
  }
}

/** `pages/show.stub`: every field's label and value. */
export function showPageState(resource: Resource) {
  const { names, fields } = resource
  const v = names.singularVar
  const project = inProject(resource)
  const title = titleField(resource)
  return {
    listTitle: humanize(names.pluralLabel),
    uses: displayUses(fields),
    enumLabels: labelConstants(fields),
    props: [
      ...(project ? ['project: Data.Project'] : []),
      `${v}: Data.${names.model}`,
      ...(project ? ['canEdit: boolean'] : []),
    ].join('; '),
    propNames: [...(project ? ['project'] : []), v, ...(project ? ['canEdit'] : [])].join(', '),
    name: title ? `${v}.${title.property}` : `\`${humanize(names.label)} #\${${v}.id}\``,
    rowParams: rowParams(resource, `${v}.id`),
    fields: fields.map((field) => ({
      name: field.name,
      label: fieldLabel(field),
      value: displayValue(field, v),
    })),
  }
}
