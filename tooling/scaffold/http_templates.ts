import type { FieldSpec } from '#scaffold/field_spec'
import { enumConstant, payloadValue } from '#scaffold/field_code'
import { type Resource, capitalize, inProject, scopeColumn, targetOf } from '#scaffold/resource'

/** Fields the list searches with its `q` box. */
export function searchFields(fields: FieldSpec[]): FieldSpec[] {
  return fields.filter((field) => field.type === 'string' || field.type === 'text')
}

/** Fields the list filters on with a select: enums and booleans. */
export function filterFields(fields: FieldSpec[]): FieldSpec[] {
  return fields.filter((field) => field.type === 'enum' || field.type === 'boolean')
}

/** The keys of the list's filters, as the page receives them. */
export function listFilterKeys(fields: FieldSpec[]): Record<string, FieldSpec | null> {
  const keys: Record<string, FieldSpec | null> = {}
  if (searchFields(fields).length) keys.q = null
  for (const field of filterFields(fields)) keys[field.property] = field
  return keys
}

/** The validator of the list's query string, appended to the validators file. */
export function renderListValidator({ names, fields }: Resource): string {
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

/** The list service: one filtered page of a project's (or an owner's) rows, newest first. */
export function renderListService(resource: Resource): string {
  const { names, fields } = resource
  const scope = scopeColumn(resource)
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
  const preloads = resource.relations
    .map((field) => `.preload('${field.relation!.property}')`)
    .join('')
  const perPage = `${names.file.toUpperCase()}S_PER_PAGE`
  const whose = inProject(resource) ? "a project's" : "a user's"
  return `import type { Infer } from '@vinejs/vine/types'
import ${names.model} from '#models/${names.file}'
import type { ${names.singularVar}ListValidator } from '#validators/${names.file}'

/** The filters and page of the ${names.pluralLabel} list, as validated from the query string. */
export type ${names.model}ListQuery = Infer<typeof ${names.singularVar}ListValidator>

/** Rows per page of the ${names.pluralLabel} list. */
export const ${perPage} = 25
${searched.length ? '\nconst ESCAPE_LIKE = /[\\\\%_]/g\n' : ''}
/** One page of ${whose} ${names.pluralLabel}, filtered, newest first. */
export async function list${names.pluralPascal}(${scope.property}: number, filters: ${names.model}ListQuery) {
  const query = ${names.model}.query().where('${scope.column}', ${scope.property})${preloads}
${lines.join('\n')}
  query.orderBy('id', 'desc')

  const page = await query.paginate(filters.page ?? 1, ${perPage})
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

/**
 * The choices of a resource's belongs_to fields on its form: the project's members, the rows of
 * the same project or of the same owner. Empty when the resource has no belongs_to.
 */
export function renderChoicesService(resource: Resource): string {
  if (resource.relations.length === 0) return ''
  const { names } = resource
  const scope = scopeColumn(resource)
  const imports = new Set<string>()
  const queries: string[] = []
  const entries = resource.relations.map((field) => {
    const target = targetOf(resource, field)
    const key = field.relation!.property
    const rows = `${key}Rows`
    if (target.kind === 'user') {
      imports.add("import db from '@adonisjs/lucid/services/db'")
      queries.push(`  const ${rows}: ${names.model}Choice[] = await db
    .from('project_members')
    .join('users', 'users.id', 'project_members.user_id')
    .where('project_members.project_id', ${scope.property})
    .orderBy('users.full_name')
    .select('users.id', 'users.full_name as label')`)
      return `    ${key}: ${rows},`
    }
    imports.add(`import ${target.model} from '#models/${target.file}'`)
    queries.push(`  const ${rows} = await ${target.model}.query()
    .where('${scope.column}', ${scope.property})
    .orderBy('${target.titleColumn}')
    .limit(CHOICES_LIMIT)`)
    return `    ${key}: ${rows}.map((row) => ({ id: row.id, label: String(row.${target.titleAttribute}) })),`
  })
  const keys = resource.relations.map((field) => `'${field.relation!.property}'`).join(' | ')
  const needsLimit = resource.relations.some((field) => targetOf(resource, field).kind !== 'user')
  return `${[...imports].sort().join('\n')}

/** One row a form may point at. */
export type ${names.model}Choice = { id: number; label: string }
${needsLimit ? `\n/** At most this many rows are offered per field; past it, a search-as-you-type picker is the next step. */\nconst CHOICES_LIMIT = 500\n` : ''}
/** What the ${names.label} form offers for each of its relations. */
export async function ${names.singularVar}Choices(
  ${scope.property}: number
): Promise<Record<${keys}, ${names.model}Choice[]>> {
${queries.join('\n')}
  return {
${entries.join('\n')}
  }
}
`
}

/** The resource controller: load, authorize, validate, act, respond. */
export function renderController(resource: Resource): string {
  return inProject(resource) ? renderProjectController(resource) : renderOwnerController(resource)
}

/** Lines of the controller's `columns()`: the validated form as column values. */
function columnLines(resource: Resource): string {
  return resource.fields
    .map((field) => `      ${field.property}: ${payloadValue(field)},`)
    .join('\n')
}

const needsUser = (resource: Resource) => resource.fields.some((field) => field.type === 'datetime')

function controllerImports(resource: Resource): string[] {
  const { names, fields } = resource
  const hasDates = fields.some((field) => field.type === 'date' || field.type === 'datetime')
  return [
    ...(hasDates ? ["import { DateTime } from 'luxon'"] : []),
    "import type { HttpContext } from '@adonisjs/core/http'",
    "import type { Infer } from '@vinejs/vine/types'",
    ...(needsUser(resource) ? ["import type User from '#models/user'"] : []),
    `import ${names.model} from '#models/${names.file}'`,
    `import ${names.model}Policy from '#policies/${names.file}_policy'`,
    `import { list${names.pluralPascal} } from '#services/${names.file}_list'`,
    ...(resource.relations.length
      ? [`import { ${names.singularVar}Choices } from '#services/${names.file}_choices'`]
      : []),
    "import { saveIfUnchanged, staleEditError } from '#services/records/versioned_update'",
    `import ${names.model}Transformer from '#transformers/${names.file}_transformer'`,
  ]
}

function validatorImport(resource: Resource): string {
  const { names } = resource
  return `import {
  create${names.model}Validator,
  ${names.singularVar}ListValidator,
  update${names.model}Validator,
} from '#validators/${names.file}'`
}

/** The private `columns()` of a controller. */
function columnsMethod(resource: Resource): string {
  const { names } = resource
  const user = needsUser(resource) ? ', user: User' : ''
  return `  /** The validated form as column values. */
  private columns(values: Infer<typeof create${names.model}Validator>${user}) {
    return {
${columnLines(resource)}
    }
  }`
}

function filtersProp(resource: Resource): string {
  const keys = Object.keys(listFilterKeys(resource.fields))
  if (keys.length === 0) return ''
  const lines = keys.map((key) => `        ${key}: filters.${key} ?? null,`)
  return `      filters: {\n${lines.join('\n')}\n      },\n`
}

/** The lines of `show` that load the relations its page names. */
function preloadCalls(resource: Resource, variable: string): string {
  return resource.relations
    .map((field) => `    await ${variable}.load('${field.relation!.property}')\n`)
    .join('')
}

function renderProjectController(resource: Resource): string {
  const { names } = resource
  const v = names.singularVar
  const route = names.routePrefix
  const page = names.pagePrefix
  const choices = resource.relations.length
    ? `      choices: await ${v}Choices(access.project.id),\n`
    : ''
  const userArg = needsUser(resource) ? ', user' : ''
  const userLine = needsUser(resource) ? '    const user = auth.getUserOrFail()\n' : ''
  const authArg = needsUser(resource) ? 'auth, ' : ''
  return `${[
    ...controllerImports(resource),
    "import { type ProjectAccess, ProjectNotFoundException } from '#services/projects/project_access'",
    "import ProjectTransformer, { withViewerData } from '#transformers/project_transformer'",
    validatorImport(resource),
  ].join('\n')}

/** The ${names.pluralLabel} of a project: every member reads them; editors and owners change them. */
export default class ${names.pluralPascal}Controller {
  async index({ bouncer, inertia, request, projectAccess: access }: HttpContext) {
    await bouncer.with(${names.model}Policy).authorize('view', access)
    const filters = await ${v}ListValidator.validate(request.qs())
    const { rows, pagination } = await list${names.pluralPascal}(access.project.id, filters)

    return inertia.render('${page}/index', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      ${names.pluralVar}: ${names.model}Transformer.transform(rows),
${filtersProp(resource)}      pagination,
      canEdit: await bouncer.with(${names.model}Policy).allows('edit', access),
    })
  }

  async create({ bouncer, inertia, projectAccess: access }: HttpContext) {
    await bouncer.with(${names.model}Policy).authorize('edit', access)

    return inertia.render('${page}/create', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
${choices}    })
  }

  async store({ ${authArg}bouncer, request, response, session, projectAccess: access }: HttpContext) {
${userLine}    await bouncer.with(${names.model}Policy).authorize('edit', access)
    const values = await request.validateUsing(create${names.model}Validator, {
      meta: { projectId: access.project.id },
    })

    const ${v} = await ${names.model}.create({
      ...this.columns(values${userArg}),
      projectId: access.project.id,
    })
    session.flash('success', '${capitalize(names.label)} created.')
    return response.redirect().toRoute('${route}.show', { projectId: access.project.id, id: ${v}.id })
  }

  async show({ bouncer, inertia, params, projectAccess: access }: HttpContext) {
    await bouncer.with(${names.model}Policy).authorize('view', access)
    const ${v} = await this.find(access, params.id)
${preloadCalls(resource, v)}
    return inertia.render('${page}/show', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      ${v}: ${names.model}Transformer.transform(${v}),
      canEdit: await bouncer.with(${names.model}Policy).allows('edit', access),
    })
  }

  async edit({ bouncer, inertia, params, projectAccess: access }: HttpContext) {
    await bouncer.with(${names.model}Policy).authorize('edit', access)
    const ${v} = await this.find(access, params.id)

    return inertia.render('${page}/edit', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      ${v}: ${names.model}Transformer.transform(${v}),
${choices}    })
  }

  /** Saves only over the version the form was drawn at: someone else's save is never lost. */
  async update({ ${authArg}bouncer, params, request, response, session, projectAccess: access }: HttpContext) {
${userLine}    await bouncer.with(${names.model}Policy).authorize('edit', access)
    const ${v} = await this.find(access, params.id)
    const { version, ...values } = await request.validateUsing(update${names.model}Validator, {
      meta: { projectId: access.project.id, id: ${v}.id },
    })

    if (!(await saveIfUnchanged(${v}, version, this.columns(values${userArg})))) {
      throw staleEditError('${names.label}')
    }
    session.flash('success', '${capitalize(names.label)} saved.')
    return response.redirect().toRoute('${route}.show', { projectId: access.project.id, id: ${v}.id })
  }

  async destroy({ bouncer, params, response, session, projectAccess: access }: HttpContext) {
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

${columnsMethod(resource)}
}
`
}

function renderOwnerController(resource: Resource): string {
  const { names } = resource
  const v = names.singularVar
  const route = names.routePrefix
  const page = names.pagePrefix
  const withUser = needsUser(resource)
  const userArg = withUser ? ', user' : ''
  const choicesOf = (owner: string) =>
    resource.relations.length ? `      choices: await ${v}Choices(${owner}),\n` : ''
  return `${[
    ...controllerImports(resource),
    "import { Exception } from '@adonisjs/core/exceptions'",
    validatorImport(resource),
  ].join('\n')}

/** ${capitalize(names.aLabel)} that cannot be read: missing, or someone else's (both 404). */
class ${names.model}NotFoundException extends Exception {
  static status = 404
  static code = 'E_${names.file.toUpperCase()}_NOT_FOUND'
}

/** Each user's ${names.pluralLabel}: they list, read and change their own. */
export default class ${names.pluralPascal}Controller {
  async index({ auth, inertia, request }: HttpContext) {
    const filters = await ${v}ListValidator.validate(request.qs())
    const { rows, pagination } = await list${names.pluralPascal}(auth.getUserOrFail().id, filters)

    return inertia.render('${page}/index', {
      ${names.pluralVar}: ${names.model}Transformer.transform(rows),
${filtersProp(resource)}      pagination,
    })
  }

  async create({ ${resource.relations.length ? 'auth, ' : ''}bouncer, inertia }: HttpContext) {
    await bouncer.with(${names.model}Policy).authorize('create')

    return inertia.render('${page}/create', {
${choicesOf('auth.getUserOrFail().id')}    })
  }

  async store({ auth, bouncer, request, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(${names.model}Policy).authorize('create')
    const values = await request.validateUsing(create${names.model}Validator, {
      meta: { ownerId: user.id },
    })

    const ${v} = await ${names.model}.create({ ...this.columns(values${userArg}), ownerId: user.id })
    session.flash('success', '${capitalize(names.label)} created.')
    return response.redirect().toRoute('${route}.show', { id: ${v}.id })
  }

  async show({ bouncer, inertia, params }: HttpContext) {
    const ${v} = await this.find(bouncer, params.id)
${preloadCalls(resource, v)}
    return inertia.render('${page}/show', { ${v}: ${names.model}Transformer.transform(${v}) })
  }

  async edit({ bouncer, inertia, params }: HttpContext) {
    const ${v} = await this.find(bouncer, params.id)

    return inertia.render('${page}/edit', {
      ${v}: ${names.model}Transformer.transform(${v}),
${choicesOf(`${v}.ownerId`)}    })
  }

  /** Saves only over the version the form was drawn at: someone else's save is never lost. */
  async update({ ${withUser ? 'auth, ' : ''}bouncer, params, request, response, session }: HttpContext) {
    const ${v} = await this.find(bouncer, params.id)
    const { version, ...values } = await request.validateUsing(update${names.model}Validator, {
      meta: { ownerId: ${v}.ownerId, id: ${v}.id },
    })
${withUser ? '    const user = auth.getUserOrFail()\n' : ''}
    if (!(await saveIfUnchanged(${v}, version, this.columns(values${userArg})))) {
      throw staleEditError('${names.label}')
    }
    session.flash('success', '${capitalize(names.label)} saved.')
    return response.redirect().toRoute('${route}.show', { id: ${v}.id })
  }

  async destroy({ bouncer, params, response, session }: HttpContext) {
    const ${v} = await this.find(bouncer, params.id)

    await ${v}.delete()
    session.flash('success', '${capitalize(names.label)} deleted.')
    return response.redirect().toRoute('${route}.index')
  }

  /**
   * ${capitalize(names.aLabel)} the user may change; one they may not see is reported as missing,
   * so that other users' ${names.pluralLabel} do not leak.
   */
  private async find(bouncer: HttpContext['bouncer'], id: unknown) {
    const ${v} = await ${names.model}.find(Number(id) || 0)
    if (!${v} || !(await bouncer.with(${names.model}Policy).allows('edit', ${v}))) {
      throw new ${names.model}NotFoundException('${capitalize(names.label)} not found')
    }
    return ${v}
  }

${columnsMethod(resource)}
}
`
}
