import type { FieldSpec } from '#scaffold/field_spec'
import {
  enumConstant,
  enumType,
  fakeValue,
  relationMessage,
  messageName,
  migrationColumn,
  modelDecorator,
  modelType,
  transformedValues,
  vineRule,
} from '#scaffold/field_code'
import { type Resource, capitalize, inProject, scopeColumn, targetOf } from '#scaffold/resource'

const hasType = (fields: FieldSpec[], ...types: FieldSpec['type'][]) =>
  fields.some((field) => types.includes(field.type))

const enumsOf = (fields: FieldSpec[]) => fields.filter((field) => field.type === 'enum')

/** Imports of the models a resource's belongs_to fields point at, one per model. */
function relatedModelImports(resource: Resource, exclude: string[] = []): string[] {
  const models = new Set(resource.relations.map((relation) => relation.target.model))
  return [...models]
    .filter((model) => !exclude.includes(model))
    .map((model) => {
      const target = resource.relations.find((relation) => relation.target.model === model)!
      return `import ${model} from '#models/${target.target.file}'`
    })
}

/** The migration creating the resource's table, with the indexes its list and relations use. */
export function renderMigration(resource: Resource): string {
  const { names, fields } = resource
  const scope = scopeColumn(resource)
  const parent = inProject(resource)
    ? `table.integer('project_id').notNullable().unsigned().references('id').inTable('projects').onDelete('CASCADE')`
    : `table.integer('owner_id').notNullable().unsigned().references('id').inTable('users').onDelete('CASCADE')`
  const columns = fields.map((field) => `      ${migrationColumn(resource, field)}`)
  const indexes = [
    ...fields
      .filter((field) => field.unique)
      .map((field) => `      table.unique(['${scope.column}', '${field.column}'])`),
    `      table.index(['${scope.column}', 'id'])`,
    ...resource.relations.map((field) => `      table.index(['${field.column}'])`),
  ]
  const about = inProject(resource)
    ? `The ${names.pluralLabel} of projects.`
    : `Each user's ${names.pluralLabel}.`
  return `import { BaseSchema } from '@adonisjs/lucid/schema'

/** ${about} */
export default class extends BaseSchema {
  protected tableName = '${names.table}'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      ${parent}
${columns.join('\n')}
      table.integer('version').notNullable().defaultTo(1)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
${indexes.join('\n')}
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
`
}

/**
 * The Lucid model: its writes recorded in the activity record, a version for conflict
 * detection, its enums' values exported for validators, factories and pages.
 */
export function renderModel(resource: Resource): string {
  const { names, fields } = resource
  const project = inProject(resource)
  const enums = enumsOf(fields)
    .map(
      (field) => `/** The values of ${names.model}.${field.property}. */
export const ${enumConstant(names, field)} = [${field.values.map((value) => `'${value}'`).join(', ')}] as const

/** One of {@link ${enumConstant(names, field)}}. */
export type ${enumType(names, field)} = (typeof ${enumConstant(names, field)})[number]
`
    )
    .join('\n')
  const columns = fields.flatMap((field) => {
    const lines = [
      `  ${modelDecorator(field)}\n  declare ${field.property}: ${modelType(names, field)}\n`,
    ]
    if (field.relation) {
      const target = targetOf(resource, field)
      const options =
        field.relation.property === target.file ? '' : `, { foreignKey: '${field.property}' }`
      lines.push(
        `  @belongsTo(() => ${target.model}${options})\n  declare ${field.relation.property}: BelongsTo<typeof ${target.model}>\n`
      )
    }
    return lines
  })
  const parentImport = project
    ? `import Project from '#models/project'`
    : `import User from '#models/user'`
  const imports = [parentImport, ...relatedModelImports(resource, [project ? 'Project' : 'User'])]
  const parent = project
    ? `  @column()
  declare projectId: number

  @belongsTo(() => Project)
  declare project: BelongsTo<typeof Project>
`
    : `  @column()
  declare ownerId: number

  @belongsTo(() => User, { foreignKey: 'ownerId' })
  declare owner: BelongsTo<typeof User>
`
  const recorded = project
    ? `withActivity({
  subjectType: '${names.file}',
  projectId: (row) => row.projectId,
  ignore: ['version'],
})`
    : `withActivity({ subjectType: '${names.file}', projectId: () => null, ignore: ['version'] })`
  const about = project ? `${names.aLabel} of a project` : `${names.aLabel} of the user who made it`
  return `import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, beforeUpdate, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
${imports.join('\n')}
import { withActivity } from '#activity/with_activity'

${enums}
const Recorded = ${recorded}

/** ${capitalize(about)}. \`version\` grows with every saved change, for conflict detection. */
export default class ${names.model} extends compose(BaseModel, Recorded) {
  @column({ isPrimary: true })
  declare id: number

${parent}
${columns.join('\n')}
  @column()
  declare version: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** Every saved change makes a new version, so an edit based on an older one can be refused. */
  @beforeUpdate()
  static bumpVersion(${names.singularVar}: ${names.model}) {
    const changed = Object.keys(${names.singularVar}.$dirty).filter(
      (key) => key !== 'version' && key !== 'updatedAt'
    )
    if (changed.length > 0) {
      ${names.singularVar}.version = (${names.singularVar}.$original.version ?? ${names.singularVar}.version) + 1
    }
  }
}
`
}

/**
 * The model factory. Merge the parent (`projectId` or `ownerId`); a required belongs_to left out
 * is made by the factory's hook, in the same project (or for the same owner).
 */
export function renderFactory(resource: Resource): string {
  const { names, fields } = resource
  const project = inProject(resource)
  const v = names.singularVar
  const enumImports = enumsOf(fields).map((field) => enumConstant(names, field))
  const modelImport = enumImports.length
    ? `import ${names.model}, { ${enumImports.join(', ')} } from '#models/${names.file}'`
    : `import ${names.model} from '#models/${names.file}'`
  const values = fields
    .filter((field) => field.type !== 'belongs_to')
    .map((field) => `    ${field.property}: ${fakeValue(names, field)},`)
    .join('\n')
  const required = resource.relations.filter((field) => !field.nullable)
  const factoryImports = new Map<string, Set<string>>()
  const addImport = (name: string, module: string) =>
    factoryImports.set(module, (factoryImports.get(module) ?? new Set()).add(name))
  addImport(
    project ? 'ProjectFactory' : 'UserFactory',
    project ? '#database/factories/project_factory' : '#database/factories/user_factory'
  )
  for (const field of required) {
    const factory = targetOf(resource, field).factory!
    addImport(factory.name, factory.module)
  }
  const scope = scopeColumn(resource)
  const hook = required.length
    ? `
  .before('create', async (_, ${v}, { $trx }) => {
${required
  .map((field) => {
    const factory = targetOf(resource, field).factory!
    const one = field.relation!.property
    return `    if (!${v}.${field.property}) {
      const builder = ${factory.name}.merge({ ${scope.property}: ${v}.${scope.property} })
      const ${one} = await ($trx ? builder.client($trx) : builder).create()
      ${v}.${field.property} = ${one}.id
    }`
  })
  .join('\n')}
  })`
    : ''
  const imports = [...factoryImports].map(
    ([module, named]) => `import { ${[...named].sort().join(', ')} } from '${module}'`
  )
  const parentNote = project
    ? "merge a `projectId` (or use `.with('project')`)"
    : "merge an `ownerId` (or use `.with('owner')`)"
  return `${hasType(fields, 'date', 'datetime') ? "import { DateTime } from 'luxon'\n" : ''}import factory from '@adonisjs/lucid/factories'
${modelImport}
${imports.join('\n')}

/** ${capitalize(names.pluralLabel)} for tests and seeds: ${parentNote}. */
export const ${names.model}Factory = factory
  .define(${names.model}, ({ faker }) => ({
${values}
    version: 1,
  }))
  .relation('${project ? 'project' : 'owner'}', () => ${project ? 'ProjectFactory' : 'UserFactory'})${hook}
  .build()
`
}

/**
 * createXValidator and updateXValidator sharing their field rules, with messages that name the
 * fields as pages do.
 */
export function renderValidator(resource: Resource): string {
  const { names, fields } = resource
  const scope = scopeColumn(resource)
  const enumImports = enumsOf(fields).map((field) => enumConstant(names, field))
  const hasUnique = fields.some((field) => field.unique)
  const needsScope = hasUnique || resource.relations.length > 0
  const rules = fields
    .map((field) => `    ${field.property}: ${vineRule(resource, field)},`)
    .join('\n')
  const where = inProject(resource) ? 'project' : "owner's rows"
  const filters = [
    ...(resource.relations.length
      ? [
          `
/** Rows of the ${inProject(resource) ? 'same project' : 'same owner'}. */
const inScope: FieldFilter = (query, _value, field) => {
  query.where('${scope.column}', field.meta.${scope.property})
}`,
        ]
      : []),
    ...(hasUnique
      ? [
          `
/** The other ${names.pluralLabel} of the ${where}. */
const othersInScope: FieldFilter = (query, _value, field) => {
  query.where('${scope.column}', field.meta.${scope.property})
  if (field.meta.id) query.whereNot('id', field.meta.id)
}`,
        ]
      : []),
  ].join('\n')
  const fieldNames = fields
    .filter((field) => messageName(field) !== field.property)
    .map((field) => `  ${field.property}: '${messageName(field)}',`)
  const relationMessages = resource.relations.map(
    (field) => `    '${field.property}.database.exists': "${relationMessage(resource, field)}",`
  )
  return `import vine, { SimpleMessagesProvider } from '@vinejs/vine'
${needsScope ? "import type { FieldContext } from '@vinejs/vine/types'\nimport type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'\n" : ''}${resource.relations.length ? "import { recordId } from '#validators/rules/numbers'\n" : ''}${enumImports.length ? `import { ${enumImports.join(', ')} } from '#models/${names.file}'\n` : ''}
/** What the rules know: the ${inProject(resource) ? 'project' : 'owner'}, and the ${names.label} being saved when updating. */
type ${names.model}Meta = { ${scope.property}: number; id?: number }
${needsScope ? `\ntype FieldFilter = (\n  query: DatabaseQueryBuilderContract,\n  value: unknown,\n  field: FieldContext\n) => void\n` : ''}${filters}

/** The rules of ${names.aLabel}'s fields, shared by creating and saving. */
function ${names.singularVar}FieldRules() {
  return {
${rules}
  }
}

/** Messages that name the fields as the form labels them. */
const messages = new SimpleMessagesProvider(
  {
${relationMessages.map((line) => `${line}\n`).join('')}    'database.unique': 'Another ${names.label} already has this {{ field }}',
  },
  {
${fieldNames.join('\n')}
  }
)

/** A new ${names.label}. */
export const create${names.model}Validator = vine
  .withMetaData<${names.model}Meta>()
  .compile(vine.object(${names.singularVar}FieldRules()))
create${names.model}Validator.messagesProvider = messages

/** Changes to ${names.aLabel}, and the version the form was drawn at (to catch lost updates). */
export const update${names.model}Validator = vine
  .withMetaData<${names.model}Meta>()
  .compile(
    vine.object({
      version: vine.number().withoutDecimals().positive(),
      ...${names.singularVar}FieldRules(),
    })
  )
update${names.model}Validator.messagesProvider = messages
`
}

/** The transformer: the only way a row reaches pages. */
export function renderTransformer(resource: Resource): string {
  const { names, fields } = resource
  const values = fields
    .flatMap((field) => transformedValues(resource, field))
    .map((line) => `      ${line},`)
    .join('\n')
  return `import type ${names.model} from '#models/${names.file}'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** ${capitalize(names.aLabel)} as pages see it${resource.relations.length ? ' (preload its relations to name them)' : ''}. */
export default class ${names.model}Transformer extends BaseTransformer<${names.model}> {
  toObject() {
    const row = this.resource
    return {
      id: row.id,
${values}
      version: row.version,
      createdAt: row.createdAt.toISO() ?? '',
      updatedAt: row.updatedAt.toISO() ?? '',
    }
  }
}
`
}

/** The resource's policy: a project's membership rules, or its owner's. */
export function renderPolicy(resource: Resource): string {
  const { names } = resource
  if (inProject(resource)) {
    return `import type User from '#models/user'
import ProjectPolicy from '#policies/project_policy'
import type { ProjectAccess } from '#services/projects/project_access'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'

/**
 * Who may read and change ${names.pluralLabel}: the project's membership rules. Every member
 * reads them (\`view\`); editors and owners change them while the project is active (\`edit\`);
 * superusers may do everything. Override a method here to give ${names.pluralLabel} rules of
 * their own.
 */
export default class ${names.model}Policy extends ProjectPolicy {
  edit(user: User, access: ProjectAccess): AuthorizerResponse {
    return this.editContent(user, access)
  }
}
`
  }
  return `import type User from '#models/user'
import type ${names.model} from '#models/${names.file}'
import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'

/**
 * Who may read and change ${names.pluralLabel}: each belongs to the user who made it, and only
 * they see it; superusers may do everything. Every signed-in user may keep ${names.pluralLabel}.
 */
export default class ${names.model}Policy extends BasePolicy {
  before(user: User | null) {
    if (user?.isActive && user.isSuperuser) return true
  }

  create(_user: User): AuthorizerResponse {
    return true
  }

  view(user: User, ${names.singularVar}: ${names.model}): AuthorizerResponse {
    return ${names.singularVar}.ownerId === user.id
  }

  edit(user: User, ${names.singularVar}: ${names.model}): AuthorizerResponse {
    return ${names.singularVar}.ownerId === user.id
  }
}
`
}
