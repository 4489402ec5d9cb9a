import type { FieldSpec } from '#scaffold/field_spec'
import { fieldLabel, valueLabel } from '#scaffold/field_code'
import { listFilterKeys, searchFields } from '#scaffold/http_templates'
import { type Resource, humanize, inProject, titleField } from '#scaffold/resource'

/** JSX shown when `condition` holds; `true` (an owner's page) shows it as is. */
function when(condition: string, jsx: string): string {
  return condition === 'true' ? jsx : `{${condition} && (\n${jsx}\n)}`
}

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

/** The `const STATUS_LABELS = { ... }` of the enums a page shows. */
function labelConstants(fields: FieldSpec[]): string {
  return fields
    .filter((field) => field.type === 'enum')
    .map(
      (field) =>
        `const ${labelsConstant(field)}: Record<string, string> = { ${field.values.map((value) => `${value}: '${valueLabel(value)}'`).join(', ')} }\n`
    )
    .join('')
}

/** Imports the JSX of `displayValue` needs for `fields`. */
function displayImports(fields: FieldSpec[]): string[] {
  const has = (type: FieldSpec['type']) => fields.some((field) => field.type === type)
  return [
    ...(has('date') ? ["import { formatDay } from '~/lib/dates'"] : []),
    ...(has('datetime') ? ["import { Moment } from '~/components/moment'"] : []),
  ]
}

/** The form fields component shared by the create and edit pages. */
export function renderFormComponent(resource: Resource): string {
  const { names, fields } = resource
  const model = names.model
  const dataType = fields.map((field) => `  ${field.property}: ${formType(field)}`).join('\n')
  const inputs = fields.map((field) => renderInput(field)).join('\n')
  const needs = (...types: FieldSpec['type'][]) =>
    fields.some((field) => types.includes(field.type))
  const needsLabel = needs('text', 'enum', 'boolean', 'belongs_to')
  const relations = resource.relations
  const choicesType = relations.length
    ? `
/** The rows each relation may point at, as the server offers them. */
export type ${model}Choices = Record<${relations.map((field) => `'${field.relation!.property}'`).join(' | ')}, { id: number; label: string }[]>
`
    : ''
  const imports = [
    ...(needsLabel ? ["import { Label } from '~/components/ui/label'"] : []),
    ...(needs('enum', 'belongs_to') ? ["import { Select } from '~/components/ui/select'"] : []),
    ...(needs('text') ? ["import { fieldClasses } from '~/components/ui/input'"] : []),
    ...(fields.some((field) => !['boolean', 'text', 'enum', 'belongs_to'].includes(field.type))
      ? ["import { FormField } from '~/components/form_field'"]
      : []),
    "import { InputError } from '~/components/input_error'",
  ]
  return `${imports.join('\n')}

/** What the ${names.label} form edits. */
export type ${model}FormData = {
${dataType}
}
${choicesType}
type ${model}FieldsProps = {
  data: ${model}FormData
  errors: Partial<Record<keyof ${model}FormData | 'version', string>>
  setData: <K extends keyof ${model}FormData>(key: K, value: ${model}FormData[K]) => void
${relations.length ? `  choices: ${model}Choices\n` : ''}}

/** The empty form of a new ${names.label}. */
export const EMPTY_${names.file.toUpperCase()}: ${model}FormData = {
${fields.map((field) => `  ${field.property}: ${initialValue(field, null)},`).join('\n')}
}

/** The labelled inputs of ${names.aLabel}, with their errors (a refused stale save included). */
export function ${model}Fields({ data, errors, setData${relations.length ? ', choices' : ''} }: ${model}FieldsProps) {
  return (
    <>
${inputs}
      <InputError id="version-error" message={errors.version} />
    </>
  )
}
`
}

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

/** Props every page of the resource gets: the project, for a project's resource. */
function scopeProps(resource: Resource): { type: string; names: string } {
  return inProject(resource)
    ? { type: 'project: Data.Project; ', names: 'project, ' }
    : { type: '', names: '' }
}

/** The list URL a page links back to. */
function listUrl(resource: Resource): string {
  return inProject(resource)
    ? `urlFor('${resource.names.routePrefix}.index', { projectId: project.id })`
    : `urlFor('${resource.names.routePrefix}.index')`
}

/** The route params of one row's page. */
function rowParams(resource: Resource, id: string): string {
  return inProject(resource) ? `{ projectId: project.id, id: ${id} }` : `{ id: ${id} }`
}

/**
 * The top of a page: a project's resource sits under the project's header and tabs; an owner's
 * has a title of its own. `title` is JSX text; `crumb` links back to the list when given.
 */
function pageHeader(resource: Resource, title: string, headTitle: string, crumb: boolean): string {
  const { names } = resource
  // A fixed title is an attribute string; an expression goes in braces.
  const head = /^'[^']*'$/.test(headTitle)
    ? `<Head title="${headTitle.slice(1, -1)}" />`
    : `<Head title={${headTitle}} />`
  const back = crumb
    ? `
      <p className="${inProject(resource) ? 'mt-6 ' : ''}text-sm text-muted-foreground">
        <Link href={${listUrl(resource)}} className="underline">
          ${humanize(names.pluralLabel)}
        </Link>
      </p>`
    : ''
  if (inProject(resource)) {
    return `      <ProjectHeader project={project} section="${names.plural}" canManage={project.role === 'owner'} />
      ${head}${back}
      <h2 className="${crumb ? 'mt-1' : 'mt-6'} text-xl font-semibold" data-test="page-title">${title}</h2>`
  }
  return `      ${head}${back}
      <h1 className="${crumb ? 'mt-1 ' : ''}text-2xl font-bold tracking-tight" data-test="page-title">${title}</h1>`
}

/** Imports of a page's header. */
function headerImports(resource: Resource): string[] {
  return inProject(resource) ? ["import { ProjectHeader } from '~/components/project_header'"] : []
}

/** The list page: filters, a table, pages. */
export function renderIndexPage(resource: Resource): string {
  const { names, fields } = resource
  const shortFields = fields.filter((field) => field.type !== 'text')
  const columns = shortFields.length ? shortFields : fields
  const title = titleField(resource)
  const [first, ...rest] = title ? [title, ...columns.filter((field) => field !== title)] : columns
  const hasFilters = Object.keys(listFilterKeys(fields)).length > 0
  const rows = names.pluralVar
  const project = inProject(resource)
  const scope = scopeProps(resource)
  const canEdit = project ? 'canEdit' : 'true'
  const imports = [
    "import { Head, Link } from '@inertiajs/react'",
    "import type { Data } from '@generated/data'",
    "import { urlFor } from '~/lib/client'",
    "import { toQueryString } from '~/lib/query_string'",
    "import { Table, Td, Th } from '~/components/ui/table'",
    "import { buttonClasses } from '~/components/ui/button'",
    ...headerImports(resource),
    ...displayImports(columns),
    ...(hasFilters
      ? [
          `import { type ${names.model}Filters, ${names.model}FiltersBar } from '~/components/${names.file}_filters'`,
        ]
      : []),
  ]
  return `${imports.join('\n')}

${labelConstants(columns)}
type ${names.pluralPascal}Props = {
${project ? '  project: Data.Project\n' : ''}  ${rows}: Data.${names.model}[]
${hasFilters ? `  filters: ${names.model}Filters\n` : ''}  pagination: { page: number; lastPage: number; total: number; perPage: number }
${project ? '  canEdit: boolean\n' : ''}}

export default function ${names.pluralPascal}Index({
  ${scope.names}${rows},
${hasFilters ? '  filters,\n' : ''}  pagination,${project ? '\n  canEdit,' : ''}
}: ${names.pluralPascal}Props) {
  const listUrl = ${listUrl(resource)}
  const pageUrl = (page: number) => \`\${listUrl}?\${toQueryString({ ${hasFilters ? '...filters, ' : ''}page })}\`

  return (
    <>
${pageHeader(resource, humanize(names.pluralLabel), `'${humanize(names.pluralLabel)}'`, false)}
      <div className="mt-4 flex items-center justify-between">
        <p className="text-sm text-muted-foreground" data-test="${names.plural}-total">
          {pagination.total} {pagination.total === 1 ? '${names.label}' : '${names.pluralLabel}'}
        </p>
        ${when(
          canEdit,
          `<Link
          href={urlFor('${names.routePrefix}.create'${project ? ', { projectId: project.id }' : ''})}
          className={buttonClasses('primary', 'sm')}
          data-test="new-${names.file}"
        >
          New ${names.label}
        </Link>`
        )}
      </div>
${hasFilters ? `      <${names.model}FiltersBar url={listUrl} filters={filters} />\n` : ''}      {${rows}.length === 0 ? (
        <p className="mt-6 text-muted-foreground" data-test="${names.plural}-empty">
          No ${names.pluralLabel} found.
        </p>
      ) : (
        <div className="mt-4">
          <Table data-test="${names.plural}-table">
            <thead>
              <tr>
${[first, ...rest].map((field) => `                <Th>${fieldLabel(field)}</Th>`).join('\n')}
              </tr>
            </thead>
            <tbody>
              {${rows}.map((row) => (
                <tr key={row.id} data-test="${names.file}-row">
                  <Td>
                    <Link
                      href={urlFor('${names.routePrefix}.show', ${rowParams(resource, 'row.id')})}
                      className="font-medium underline-offset-2 hover:underline"
                    >
                      ${title ? displayValue(first, 'row') : `#{row.id} ${displayValue(first, 'row')}`}
                    </Link>
                  </Td>
${rest.map((field) => `                  <Td>${displayValue(field, 'row')}</Td>`).join('\n')}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {pagination.lastPage > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {pagination.page > 1 && (
            <Link href={pageUrl(pagination.page - 1)} className={buttonClasses('secondary', 'sm')}>
              Previous
            </Link>
          )}
          <span>
            Page {pagination.page} of {pagination.lastPage}
          </span>
          {pagination.page < pagination.lastPage && (
            <Link href={pageUrl(pagination.page + 1)} className={buttonClasses('secondary', 'sm')}>
              Next
            </Link>
          )}
        </nav>
      )}
    </>
  )
}
`
}

/** The filter bar of the list: a search box and a select per enum or boolean field. */
export function renderFiltersComponent({ names, fields }: Resource): string {
  const keys = listFilterKeys(fields)
  if (Object.keys(keys).length === 0) return ''
  const hasSearch = searchFields(fields).length > 0
  const selects = Object.entries(keys)
    .filter(([, field]) => field !== null)
    .map(([key, field]) => {
      const options =
        field!.type === 'enum'
          ? field!.values.map((value) => `['${value}', '${valueLabel(value)}']`)
          : [`['yes', 'Yes']`, `['no', 'No']`]
      return `      <div>
        <Label htmlFor="filter-${key}">${fieldLabel(field!)}</Label>
        <Select
          id="filter-${key}"
          className="mt-1"
          value={filters.${key} ?? ''}
          onChange={(event) => apply({ ${key}: event.target.value || null })}
        >
          <option value="">All</option>
          {(
            [
              ${options.join(',\n              ')},
            ] as const
          ).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </Select>
      </div>`
    })
  const filterType = Object.keys(keys)
    .map((key) => `  ${key}: string | null`)
    .join('\n')
  return `import { type FormEvent${hasSearch ? ', useState' : ''} } from 'react'
import { router } from '@inertiajs/react'
import { Label } from '~/components/ui/label'
${selects.length ? "import { Select } from '~/components/ui/select'\n" : ''}${hasSearch ? "import { Input } from '~/components/ui/input'\nimport { Button } from '~/components/ui/button'\n" : ''}
/** The filters of the ${names.pluralLabel} list, as the server echoes them back. */
export type ${names.model}Filters = {
${filterType}
}

/** The filter bar of the ${names.pluralLabel} list: every change becomes the query string. */
export function ${names.model}FiltersBar({ url, filters }: { url: string; filters: ${names.model}Filters }) {
${hasSearch ? "  const [q, setQ] = useState(filters.q ?? '')\n" : ''}
  function apply(changes: Partial<${names.model}Filters>) {
    const next: Record<string, string> = {}
    for (const [key, value] of Object.entries({ ...filters${hasSearch ? ', q' : ''}, ...changes })) {
      if (value) next[key] = value
    }
    router.get(url, next, { preserveState: true, preserveScroll: true })
  }

  function search(event: FormEvent) {
    event.preventDefault()
    apply({})
  }

  return (
    <form onSubmit={search} className="mt-4 grid gap-3 sm:grid-cols-4" data-test="${names.file}-filters">
${
  hasSearch
    ? `      <div className="sm:col-span-2">
        <Label htmlFor="q">Search</Label>
        <div className="mt-1 flex gap-2">
          <Input id="q" value={q} onChange={(event) => setQ(event.target.value)} />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </div>
      </div>
`
    : ''
}${selects.join('\n')}
    </form>
  )
}
`
}

/** The create and edit pages' shared head: imports and props. */
function formPageParts(resource: Resource, editing: boolean) {
  const { names } = resource
  const relations = resource.relations.length > 0
  const needsZone = editing && resource.fields.some((field) => field.type === 'datetime')
  const imports = [
    "import type { FormEvent } from 'react'",
    `import { Head, Link, useForm } from '@inertiajs/react'`,
    ...(inProject(resource) || editing ? ["import type { Data } from '@generated/data'"] : []),
    "import { urlFor } from '~/lib/client'",
    "import { Button } from '~/components/ui/button'",
    ...headerImports(resource),
    ...(needsZone
      ? [
          "import { toDateTimeInput } from '~/lib/dates'",
          "import { useTimeZone } from '~/hooks/use_time_zone'",
        ]
      : []),
    `import { ${editing ? '' : `EMPTY_${names.file.toUpperCase()}, `}${names.model}Fields${editing ? `, type ${names.model}FormData` : ''}${relations ? `, type ${names.model}Choices` : ''} } from '~/components/${names.file}_form'`,
  ]
  const props = [
    ...(inProject(resource) ? ['project: Data.Project'] : []),
    ...(editing ? [`${names.singularVar}: Data.${names.model}`] : []),
    ...(relations ? [`choices: ${names.model}Choices`] : []),
  ]
  const propNames = [
    ...(inProject(resource) ? ['project'] : []),
    ...(editing ? [names.singularVar] : []),
    ...(relations ? ['choices'] : []),
  ]
  return { imports, props, propNames, relations, needsZone }
}

/** The create page. */
export function renderCreatePage(resource: Resource): string {
  const { names } = resource
  const parts = formPageParts(resource, false)
  const propsType = parts.props.length
    ? `{ ${parts.propNames.join(', ')} }: { ${parts.props.join('; ')} }`
    : ''
  return `${parts.imports.join('\n')}

export default function Create${names.model}(${propsType}) {
  const form = useForm(EMPTY_${names.file.toUpperCase()})

  function submit(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('${names.routePrefix}.store'${inProject(resource) ? ', { projectId: project.id }' : ''}))
  }

  return (
    <>
${pageHeader(resource, `New ${names.label}`, `'New ${names.label}'`, true)}
      <form onSubmit={submit} className="mt-6 max-w-xl space-y-4" noValidate data-test="${names.file}-form">
        <${names.model}Fields data={form.data} errors={form.errors} setData={form.setData}${parts.relations ? ' choices={choices}' : ''} />
        <Button type="submit" disabled={form.processing}>
          Create ${names.label}
        </Button>
      </form>
    </>
  )
}
`
}

/** The edit page: it sends the version it was drawn at, so a save never overwrites unseen. */
export function renderEditPage(resource: Resource): string {
  const { names, fields } = resource
  const v = names.singularVar
  const parts = formPageParts(resource, true)
  const title = titleField(resource)
  const name = title ? `${v}.${title.property}` : `\`#\${${v}.id}\``
  return `${parts.imports.join('\n')}

type Edit${names.model}Props = { ${parts.props.join('; ')} }

export default function Edit${names.model}({ ${parts.propNames.join(', ')} }: Edit${names.model}Props) {
${parts.needsZone ? '  const zone = useTimeZone()\n' : ''}  const form = useForm<${names.model}FormData>({
${fields.map((field) => `    ${field.property}: ${initialValue(field, v)},`).join('\n')}
  })

  function submit(event: FormEvent) {
    event.preventDefault()
    // The version of the record as last loaded: after a refused stale save, saving again
    // replaces the other person's values knowingly.
    form.transform((data) => ({ ...data, version: ${v}.version }))
    form.put(urlFor('${names.routePrefix}.update', ${rowParams(resource, `${v}.id`)}))
  }

  return (
    <>
${pageHeader(resource, `Edit {${name}}`, `\`Edit \${${name}}\``, true)}
      <form onSubmit={submit} className="mt-6 max-w-xl space-y-4" noValidate data-test="${names.file}-form">
        <${names.model}Fields data={form.data} errors={form.errors} setData={form.setData}${parts.relations ? ' choices={choices}' : ''} />
        <Button type="submit" disabled={form.processing}>
          Save ${names.label}
        </Button>
      </form>
    </>
  )
}
`
}

/** The show page: every field, and the edit and delete actions for those who may. */
export function renderShowPage(resource: Resource): string {
  const { names, fields } = resource
  const v = names.singularVar
  const project = inProject(resource)
  const title = titleField(resource)
  const name = title ? `${v}.${title.property}` : `\`${humanize(names.label)} #\${${v}.id}\``
  const props = [
    ...(project ? ['project: Data.Project'] : []),
    `${v}: Data.${names.model}`,
    ...(project ? ['canEdit: boolean'] : []),
  ]
  const propNames = [...(project ? ['project'] : []), v, ...(project ? ['canEdit'] : [])]
  const canEdit = project ? 'canEdit' : 'true'
  const imports = [
    "import { Head, Link, router } from '@inertiajs/react'",
    "import type { Data } from '@generated/data'",
    "import { urlFor } from '~/lib/client'",
    "import { Button, buttonClasses } from '~/components/ui/button'",
    "import { Dialog } from '~/components/ui/dialog'",
    ...headerImports(resource),
    ...displayImports(fields),
  ]
  const body = (
    canEditExpression: string
  ) => `      <dl className="mt-6 grid max-w-xl grid-cols-3 gap-3 text-sm" data-test="${names.file}-details">
${fields
  .map(
    (field) => `        <dt className="font-medium">${fieldLabel(field)}</dt>
        <dd className="col-span-2 whitespace-pre-wrap" data-test="${names.file}-${field.name}">
          ${displayValue(field, v)}
        </dd>`
  )
  .join('\n')}
      </dl>
      ${when(
        canEditExpression,
        `<div className="mt-6 flex gap-3">
          <Link
            href={urlFor('${names.routePrefix}.edit', ${rowParams(resource, `${v}.id`)})}
            className={buttonClasses('secondary', 'sm')}
          >
            Edit
          </Link>
          <Dialog
            title="Delete this ${names.label}?"
            description="This cannot be undone."
            trigger={
              <Button variant="danger" size="sm" data-test="delete-${names.file}">
                Delete
              </Button>
            }
          >
            <Button variant="danger" onClick={destroy} data-test="confirm-delete-${names.file}">
              Delete ${names.label}
            </Button>
          </Dialog>
        </div>`
      )}`
  return `${imports.join('\n')}

${labelConstants(fields)}
type Show${names.model}Props = { ${props.join('; ')} }

export default function Show${names.model}({ ${propNames.join(', ')} }: Show${names.model}Props) {
  function destroy() {
    router.delete(urlFor('${names.routePrefix}.destroy', ${rowParams(resource, `${v}.id`)}))
  }

  return (
    <>
${pageHeader(resource, `{${name}}`, name, true)}
${body(canEdit)}
    </>
  )
}
`
}
