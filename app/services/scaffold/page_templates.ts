import type { FieldSpec } from '#services/scaffold/field_spec'
import type { ResourceTemplateInput } from '#services/scaffold/server_templates'
import { fieldLabel, formFields } from '#services/scaffold/field_code'
import { listFilterKeys, searchFields } from '#services/scaffold/http_templates'

const component = (names: ResourceTemplateInput['names']) => `${names.model}`

/** The type of a field in the form's data: text for everything but booleans. */
function formType(field: FieldSpec) {
  return field.type === 'boolean' ? 'boolean' : 'string'
}

/** A field's value in the form when editing the record `source`. */
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
      return field.nullable ? `${value} === null ? '' : String(${value})` : `String(${value})`
    case 'datetime':
      return `(${value} ?? '').slice(0, 16)`
    case 'date':
      return `${value} ?? ''`
    default:
      return field.nullable ? `${value} ?? ''` : value
  }
}

/** How a field is shown in the list and on the show page. */
function displayValue(field: FieldSpec, source: string): string {
  const value = `${source}.${field.property}`
  if (field.type === 'boolean') {
    return field.nullable
      ? `{${value} === null ? '—' : ${value} ? 'Yes' : 'No'}`
      : `{${value} ? 'Yes' : 'No'}`
  }
  return field.nullable ? `{${value} ?? '—'}` : `{${value}}`
}

/** The form fields component shared by the create and edit pages. */
export function renderFormComponent({ names, fields }: ResourceTemplateInput): string {
  const editable = formFields(fields)
  const dataType = editable.map((field) => `  ${field.property}: ${formType(field)}`).join('\n')
  const inputs = editable.map((field) => renderInput(field)).join('\n')
  const needs = (type: FieldSpec['type']) => editable.some((field) => field.type === type)
  const needsLabel = needs('text') || needs('enum') || needs('boolean')
  return `${needsLabel ? "import { Label } from '~/components/ui/label'\n" : ''}${needs('enum') ? "import { Select } from '~/components/ui/select'\n" : ''}${needs('text') ? "import { fieldClasses } from '~/components/ui/input'\n" : ''}${editable.some((field) => !['boolean', 'text', 'enum'].includes(field.type)) ? "import { FormField } from '~/components/form_field'\n" : ''}${needsLabel ? "import { InputError } from '~/components/input_error'\n" : ''}
/** What the ${names.label} form edits. */
export type ${component(names)}FormData = {
${dataType}
}

type ${component(names)}FieldsProps = {
  data: ${component(names)}FormData
  errors: Partial<Record<keyof ${component(names)}FormData, string>>
  setData: <K extends keyof ${component(names)}FormData>(key: K, value: ${component(names)}FormData[K]) => void
}

/** The empty form of a new ${names.label}. */
export const EMPTY_${names.file.toUpperCase()}: ${component(names)}FormData = {
${editable.map((field) => `  ${field.property}: ${initialValue(field, null)},`).join('\n')}
}

/** The labelled inputs of ${names.aLabel}, with their errors. */
export function ${component(names)}Fields({ data, errors, setData }: ${component(names)}FieldsProps) {
  return (
    <>
${inputs}
    </>
  )
}
`
}

function renderInput(field: FieldSpec): string {
  const id = field.property
  const label = fieldLabel(field)
  const required = field.nullable ? '' : '\n        required'
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
          aria-invalid={Boolean(errors.${id})}
          aria-describedby={errors.${id} ? '${id}-error' : undefined}${required}
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
          aria-invalid={Boolean(errors.${id})}
          aria-describedby={errors.${id} ? '${id}-error' : undefined}
        >${field.nullable ? '\n          <option value="">None</option>' : ''}
${field.values.map((value) => `          <option value="${value}">${humanize(value)}</option>`).join('\n')}
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

function humanize(value: string) {
  const words = value.replaceAll('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A title known when generating. */
function staticTitle(text: string) {
  return { attr: `"${text}"`, text }
}

/** The page title bar: the project, then the page. */
function header(names: ResourceTemplateInput['names'], title: { attr: string; text: string }) {
  return `      <Head title=${title.attr} />
      <p className="text-sm text-muted-foreground">
        <Link href={urlFor('projects.show', { id: project.id })} className="underline">
          {project.name}
        </Link>
        {' / '}
        <Link href={urlFor('${names.routePrefix}.index', { projectId: project.id })} className="underline">
          ${humanize(names.pluralLabel)}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight">${title.text}</h1>`
}

/** The list page: filters, a table, pages. */
export function renderIndexPage({ names, fields }: ResourceTemplateInput): string {
  const shortFields = formFields(fields).filter((field) => field.type !== 'text')
  const columns = shortFields.length ? shortFields : formFields(fields)
  const [first, ...rest] = columns
  const hasFilters = Object.keys(listFilterKeys(fields)).length > 0
  const rows = names.pluralVar
  return `import { Head, Link } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { toQueryString } from '~/lib/query_string'
import { Table, Td, Th } from '~/components/ui/table'
import { buttonClasses } from '~/components/ui/button'
${hasFilters ? `import { type ${names.model}Filters, ${names.model}FiltersBar } from '~/components/${names.file}_filters'\n` : ''}
type ${names.pluralPascal}Props = {
  project: Data.Project
  ${rows}: Data.${names.model}[]
${hasFilters ? `  filters: ${names.model}Filters\n` : ''}  pagination: { page: number; lastPage: number; total: number; perPage: number }
  canEdit: boolean
}

export default function ${names.pluralPascal}Index({
  project,
  ${rows},
${hasFilters ? '  filters,\n' : ''}  pagination,
  canEdit,
}: ${names.pluralPascal}Props) {
  const listUrl = urlFor('${names.routePrefix}.index', { projectId: project.id })
  const pageUrl = (page: number) => \`\${listUrl}?\${toQueryString({ ${hasFilters ? '...filters, ' : ''}page })}\`

  return (
    <>
${header(names, staticTitle(humanize(names.pluralLabel)))}
      <div className="mt-4 flex items-center justify-between">
        <p className="text-sm text-muted-foreground" data-test="${names.plural}-total">
          {pagination.total} {pagination.total === 1 ? '${names.label}' : '${names.pluralLabel}'}
        </p>
        {canEdit && (
          <Link
            href={urlFor('${names.routePrefix}.create', { projectId: project.id })}
            className={buttonClasses('primary', 'sm')}
            data-test="new-${names.file}"
          >
            New ${names.label}
          </Link>
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
${columns.map((field) => `                <Th>${fieldLabel(field)}</Th>`).join('\n')}
              </tr>
            </thead>
            <tbody>
              {${rows}.map((row) => (
                <tr key={row.id} data-test="${names.file}-row">
                  <Td>
                    <Link
                      href={urlFor('${names.routePrefix}.show', { projectId: project.id, id: row.id })}
                      className="font-medium underline-offset-2 hover:underline"
                    >
                      ${displayValue(first, 'row')}
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
export function renderFiltersComponent({ names, fields }: ResourceTemplateInput): string {
  const keys = listFilterKeys(fields)
  if (Object.keys(keys).length === 0) return ''
  const hasSearch = searchFields(fields).length > 0
  const selects = Object.entries(keys)
    .filter(([, field]) => field !== null)
    .map(([key, field]) => {
      const options =
        field!.type === 'enum'
          ? field!.values.map((value) => `['${value}', '${humanize(value)}']`)
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

/** The create page. */
export function renderCreatePage({ names }: ResourceTemplateInput): string {
  return `import type { FormEvent } from 'react'
import { Head, Link, useForm } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { EMPTY_${names.file.toUpperCase()}, ${names.model}Fields } from '~/components/${names.file}_form'

export default function Create${names.model}({ project }: { project: Data.Project }) {
  const form = useForm(EMPTY_${names.file.toUpperCase()})

  function submit(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('${names.routePrefix}.store', { projectId: project.id }))
  }

  return (
    <>
${header(names, staticTitle(`New ${names.label}`))}
      <form onSubmit={submit} className="mt-6 max-w-xl space-y-4" noValidate data-test="${names.file}-form">
        <${names.model}Fields data={form.data} errors={form.errors} setData={form.setData} />
        <Button type="submit" disabled={form.processing}>
          Create ${names.label}
        </Button>
      </form>
    </>
  )
}
`
}

/** The edit page. */
export function renderEditPage({ names, fields }: ResourceTemplateInput): string {
  const v = names.singularVar
  return `import type { FormEvent } from 'react'
import { Head, Link, useForm } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { ${names.model}Fields, type ${names.model}FormData } from '~/components/${names.file}_form'

type Edit${names.model}Props = { project: Data.Project; ${v}: Data.${names.model} }

export default function Edit${names.model}({ project, ${v} }: Edit${names.model}Props) {
  const form = useForm<${names.model}FormData>({
${formFields(fields)
  .map((field) => `    ${field.property}: ${initialValue(field, v)},`)
  .join('\n')}
  })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.put(urlFor('${names.routePrefix}.update', { projectId: project.id, id: ${v}.id }))
  }

  return (
    <>
${header(names, staticTitle(`Edit ${names.label}`))}
      <form onSubmit={submit} className="mt-6 max-w-xl space-y-4" noValidate data-test="${names.file}-form">
        <${names.model}Fields data={form.data} errors={form.errors} setData={form.setData} />
        <Button type="submit" disabled={form.processing}>
          Save ${names.label}
        </Button>
      </form>
    </>
  )
}
`
}

/** The show page: every field, and the edit and delete actions for editors. */
export function renderShowPage({ names, fields }: ResourceTemplateInput): string {
  const v = names.singularVar
  return `import { Head, Link, router } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button, buttonClasses } from '~/components/ui/button'

type Show${names.model}Props = { project: Data.Project; ${v}: Data.${names.model}; canEdit: boolean }

export default function Show${names.model}({ project, ${v}, canEdit }: Show${names.model}Props) {
  function destroy() {
    if (!window.confirm('Delete this ${names.label}?')) return
    router.delete(urlFor('${names.routePrefix}.destroy', { projectId: project.id, id: ${v}.id }))
  }

  return (
    <>
${header(names, {
  attr: `{\`${humanize(names.label)} #\${${v}.id}\`}`,
  text: `${humanize(names.label)} #{${v}.id}`,
})}
      <dl className="mt-6 grid max-w-xl grid-cols-3 gap-3 text-sm" data-test="${names.file}-details">
${formFields(fields)
  .map(
    (field) => `        <dt className="font-medium">${fieldLabel(field)}</dt>
        <dd className="col-span-2 whitespace-pre-wrap" data-test="${names.file}-${field.name}">
          ${displayValue(field, v)}
        </dd>`
  )
  .join('\n')}
      </dl>
      {canEdit && (
        <div className="mt-6 flex gap-3">
          <Link
            href={urlFor('${names.routePrefix}.edit', { projectId: project.id, id: ${v}.id })}
            className={buttonClasses('secondary', 'sm')}
          >
            Edit
          </Link>
          <Button variant="danger" size="sm" onClick={destroy} data-test="delete-${names.file}">
            Delete
          </Button>
        </div>
      )}
    </>
  )
}
`
}
