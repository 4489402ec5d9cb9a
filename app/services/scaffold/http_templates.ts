import type { FieldSpec } from '#services/scaffold/field_spec'
import type { ResourceTemplateInput } from '#services/scaffold/server_templates'
import { enumConstant, formFields, payloadValue } from '#services/scaffold/field_code'

/** Fields the list searches with its `q` box. */
export function searchFields(fields: FieldSpec[]): FieldSpec[] {
  return fields.filter((field) => field.type === 'string' || field.type === 'text')
}

/** Fields the list filters on with a select: enums and booleans. */
export function filterFields(fields: FieldSpec[]): FieldSpec[] {
  return fields.filter((field) => field.type === 'enum' || field.type === 'boolean')
}

/** The validator of the list's query string, appended to the validators file. */
export function renderListValidator({ names, fields }: ResourceTemplateInput): string {
  const rules = [
    ...(searchFields(fields).length
      ? ['  q: vine.string().trim().maxLength(200).optional(),']
      : []),
    ...filterFields(fields).map((field) =>
      field.type === 'enum'
        ? `  ${field.property}: vine.enum(${enumConstant(names, field)}).optional(),`
        : `  ${field.property}: vine.enum(['yes', 'no']).optional(),`
    ),
    '  page: vine.number().withoutDecimals().range([1, 100_000]).optional(),',
  ]
  return `
/** The filters and page of the ${names.pluralLabel} list, from the query string. */
export const ${names.singularVar}ListValidator = vine.create({
${rules.join('\n')}
})
`
}

/** The list service: one filtered page of a project's rows. */
export function renderListService({ names, fields }: ResourceTemplateInput): string {
  const searched = searchFields(fields)
  const lines: string[] = []
  for (const field of filterFields(fields)) {
    lines.push(
      field.type === 'enum'
        ? `  if (filters.${field.property}) query.where('${field.column}', filters.${field.property})`
        : `  if (filters.${field.property}) query.where('${field.column}', filters.${field.property} === 'yes')`
    )
  }
  if (searched.length) {
    const [first, ...rest] = searched
    lines.push(`  if (filters.q) {
    const pattern = \`%\${filters.q.toLowerCase().replace(ESCAPE_LIKE, (char) => \`\\\\\${char}\`)}%\`
    query.where((inner) =>
      inner
        .whereRaw("lower(${first.column}) like ? escape '\\\\'", [pattern])${rest
          .map(
            (field) => `
        .orWhereRaw("lower(${field.column}) like ? escape '\\\\'", [pattern])`
          )
          .join('')}
    )
  }`)
  }
  return `import type { Infer } from '@vinejs/vine/types'
import ${names.model} from '#models/${names.file}'
import type { ${names.singularVar}ListValidator } from '#validators/${names.file}'

/** The filters and page of the ${names.pluralLabel} list, as validated from the query string. */
export type ${names.model}ListQuery = Infer<typeof ${names.singularVar}ListValidator>

/** Rows per page of the ${names.pluralLabel} list. */
export const ${names.file.toUpperCase()}S_PER_PAGE = 25
${searched.length ? '\nconst ESCAPE_LIKE = /[\\\\%_]/g\n' : ''}
/** One page of a project's ${names.pluralLabel}, filtered, newest first. */
export async function list${names.pluralPascal}(projectId: number, filters: ${names.model}ListQuery) {
  const query = ${names.model}.query().where('project_id', projectId)
${lines.join('\n')}
  query.orderBy('id', 'desc')

  const page = await query.paginate(filters.page ?? 1, ${names.file.toUpperCase()}S_PER_PAGE)
  return {
    rows: page.all(),
    pagination: {
      page: page.currentPage,
      lastPage: page.lastPage,
      total: page.total,
      perPage: page.perPage,
    },
  }
}
`
}

/** The resource controller: members read, editors and owners write (the resource's policy). */
export function renderController({ names, fields }: ResourceTemplateInput): string {
  const hasDates = fields.some((field) => field.type === 'date' || field.type === 'datetime')
  const values = formFields(fields)
    .map((field) => `      ${field.property}: ${payloadValue(field)},`)
    .join('\n')
  const v = names.singularVar
  const route = names.routePrefix
  const page = names.pagePrefix
  return `${hasDates ? "import { DateTime } from 'luxon'\n" : ''}import type { HttpContext } from '@adonisjs/core/http'
import type { Infer } from '@vinejs/vine/types'
import ${names.model} from '#models/${names.file}'
import ${names.model}Policy from '#policies/${names.file}_policy'
import { list${names.pluralPascal} } from '#services/${names.file}_list'
import ${names.model}Transformer from '#transformers/${names.file}_transformer'
import {
  loadProjectAccess,
  type ProjectAccess,
  ProjectNotFoundException,
} from '#services/project_access'
import ProjectTransformer, { withViewerData } from '#transformers/project_transformer'
import {
  create${names.model}Validator,
  ${v}ListValidator,
  update${names.model}Validator,
} from '#validators/${names.file}'

/** The ${names.pluralLabel} of a project: every member reads them; editors and owners change them. */
export default class ${names.pluralPascal}Controller {
  async index({ auth, bouncer, inertia, params, request }: HttpContext) {
    const access = await loadProjectAccess(auth.getUserOrFail(), params.projectId)
    await bouncer.with(${names.model}Policy).authorize('view', access)
    const filters = await ${v}ListValidator.validate(request.qs())
    const { rows, pagination } = await list${names.pluralPascal}(access.project.id, filters)

    return inertia.render('${page}/index', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      ${names.pluralVar}: ${names.model}Transformer.transform(rows),
${renderFiltersProp(fields)}      pagination,
      canEdit: await bouncer.with(${names.model}Policy).allows('edit', access),
    })
  }

  async create({ auth, bouncer, inertia, params }: HttpContext) {
    const access = await loadProjectAccess(auth.getUserOrFail(), params.projectId)
    await bouncer.with(${names.model}Policy).authorize('edit', access)

    return inertia.render('${page}/create', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
    })
  }

  async store({ auth, bouncer, params, request, response, session }: HttpContext) {
    const access = await loadProjectAccess(auth.getUserOrFail(), params.projectId)
    await bouncer.with(${names.model}Policy).authorize('edit', access)
    const values = await request.validateUsing(create${names.model}Validator, {
      meta: { projectId: access.project.id },
    })

    const ${v} = await ${names.model}.create({ ...this.columns(values), projectId: access.project.id })
    session.flash('success', '${capitalize(names.label)} created.')
    return response.redirect().toRoute('${route}.show', { projectId: access.project.id, id: ${v}.id })
  }

  async show({ auth, bouncer, inertia, params }: HttpContext) {
    const access = await loadProjectAccess(auth.getUserOrFail(), params.projectId)
    await bouncer.with(${names.model}Policy).authorize('view', access)
    const ${v} = await this.find(access, params.id)

    return inertia.render('${page}/show', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      ${v}: ${names.model}Transformer.transform(${v}),
      canEdit: await bouncer.with(${names.model}Policy).allows('edit', access),
    })
  }

  async edit({ auth, bouncer, inertia, params }: HttpContext) {
    const access = await loadProjectAccess(auth.getUserOrFail(), params.projectId)
    await bouncer.with(${names.model}Policy).authorize('edit', access)
    const ${v} = await this.find(access, params.id)

    return inertia.render('${page}/edit', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      ${v}: ${names.model}Transformer.transform(${v}),
    })
  }

  async update({ auth, bouncer, params, request, response, session }: HttpContext) {
    const access = await loadProjectAccess(auth.getUserOrFail(), params.projectId)
    await bouncer.with(${names.model}Policy).authorize('edit', access)
    const ${v} = await this.find(access, params.id)
    const values = await request.validateUsing(update${names.model}Validator, {
      meta: { projectId: access.project.id, id: ${v}.id },
    })

    await ${v}.merge(this.columns(values)).save()
    session.flash('success', '${capitalize(names.label)} saved.')
    return response.redirect().toRoute('${route}.show', { projectId: access.project.id, id: ${v}.id })
  }

  async destroy({ auth, bouncer, params, response, session }: HttpContext) {
    const access = await loadProjectAccess(auth.getUserOrFail(), params.projectId)
    await bouncer.with(${names.model}Policy).authorize('edit', access)
    const ${v} = await this.find(access, params.id)

    await ${v}.delete()
    session.flash('success', '${capitalize(names.label)} deleted.')
    return response.redirect().toRoute('${route}.index', { projectId: access.project.id })
  }

  /** ${capitalize(names.aLabel)} of this project; one of another project is reported as missing. */
  private async find(access: ProjectAccess, id: unknown) {
    const ${v} = await ${names.model}.query()
      .where('project_id', access.project.id)
      .where('id', Number(id) || 0)
      .first()
    if (!${v}) throw new ProjectNotFoundException('${capitalize(names.label)} not found')
    return ${v}
  }

  /** The validated form as column values. */
  private columns(values: Infer<typeof create${names.model}Validator>) {
    return {
${values}
    }
  }
}
`
}

/** The `filters` prop of the list page: the filters as applied, null when not. */
function renderFiltersProp(fields: FieldSpec[]): string {
  const keys = Object.keys(listFilterKeys(fields))
  if (keys.length === 0) return ''
  const lines = keys.map((key) => `        ${key}: filters.${key} ?? null,`)
  return `      filters: {\n${lines.join('\n')}\n      },\n`
}

/** The keys of the list's filters, as the page receives them. */
export function listFilterKeys(fields: FieldSpec[]): Record<string, FieldSpec | null> {
  const keys: Record<string, FieldSpec | null> = {}
  if (searchFields(fields).length) keys.q = null
  for (const field of filterFields(fields)) keys[field.property] = field
  return keys
}

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
