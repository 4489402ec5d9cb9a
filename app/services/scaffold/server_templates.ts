import type { FieldSpec } from '#services/scaffold/field_spec'
import type { ResourceNames } from '#services/scaffold/resource_names'
import {
  enumConstant,
  enumType,
  fakeValue,
  formFields,
  migrationColumn,
  modelDecorator,
  modelType,
  transformedValue,
  vineRule,
} from '#services/scaffold/field_code'

/** What a resource's server files are rendered from. */
export type ResourceTemplateInput = { names: ResourceNames; fields: FieldSpec[] }

const hasDates = (fields: FieldSpec[]) =>
  fields.some((field) => field.type === 'date' || field.type === 'datetime')

/** The migration creating the resource's table. */
export function renderMigration({ names, fields }: ResourceTemplateInput): string {
  const columns = fields.map((field) => `      ${migrationColumn(names, field)}`).join('\n')
  const uniques = fields
    .filter((field) => field.unique)
    .map((field) => `      table.unique(['project_id', '${field.column}'])`)
    .join('\n')
  return `import { BaseSchema } from '@adonisjs/lucid/schema'

/** The ${names.pluralLabel} of projects. */
export default class extends BaseSchema {
  protected tableName = '${names.table}'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
${columns}
${uniques}
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
`
}

/** The Lucid model, with its enums' values exported for validators, factories and pages. */
export function renderModel({ names, fields }: ResourceTemplateInput): string {
  const enums = fields
    .filter((field) => field.type === 'enum')
    .map(
      (field) => `/** The values of ${names.model}.${field.property}. */
export const ${enumConstant(names, field)} = [${field.values.map((value) => `'${value}'`).join(', ')}] as const

/** One of {@link ${enumConstant(names, field)}}. */
export type ${enumType(names, field)} = (typeof ${enumConstant(names, field)})[number]
`
    )
    .join('\n')
  const columns = fields
    .map(
      (field) => `  ${modelDecorator(field)}
  declare ${field.property}: ${modelType(names, field)}
`
    )
    .join('\n')
  return `import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Project from '#models/project'

${enums}
/** ${names.aLabel.charAt(0).toUpperCase() + names.aLabel.slice(1)} of a project. */
export default class ${names.model} extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

${columns}
  @belongsTo(() => Project)
  declare project: BelongsTo<typeof Project>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
`
}

/** The model factory; `.with('project')` makes its project too. */
export function renderFactory({ names, fields }: ResourceTemplateInput): string {
  const enumImports = fields
    .filter((field) => field.type === 'enum')
    .map((field) => enumConstant(names, field))
  const modelImport = enumImports.length
    ? `import ${names.model}, { ${enumImports.join(', ')} } from '#models/${names.file}'`
    : `import ${names.model} from '#models/${names.file}'`
  const values = formFields(fields)
    .map((field) => `    ${field.property}: ${fakeValue(names, field)},`)
    .join('\n')
  return `${hasDates(fields) ? "import { DateTime } from 'luxon'\n" : ''}import factory from '@adonisjs/lucid/factories'
${modelImport}
import { ProjectFactory } from '#database/factories/project_factory'

/** ${names.model} rows for tests and seeds; \`.with('project')\` makes the project too. */
export const ${names.model}Factory = factory
  .define(${names.model}, ({ faker }) => ({
${values}
  }))
  .relation('project', () => ProjectFactory)
  .build()
`
}

/** createXValidator and updateXValidator, sharing their field rules. */
export function renderValidator({ names, fields }: ResourceTemplateInput): string {
  const enumImports = fields
    .filter((field) => field.type === 'enum')
    .map((field) => enumConstant(names, field))
  const hasUnique = fields.some((field) => field.unique)
  const rules = formFields(fields)
    .map((field) => `    ${field.property}: ${vineRule(names, field)},`)
    .join('\n')
  const scoped = hasUnique
    ? `
/** Unique within the project, ignoring the ${names.label} being saved. */
const scopedToProject: FieldFilter = (query, _value, field) => {
  query.where('project_id', field.meta.projectId)
  if (field.meta.id) query.whereNot('id', field.meta.id)
}
`
    : ''
  return `import vine from '@vinejs/vine'
${hasUnique ? "import type { FieldContext } from '@vinejs/vine/types'\nimport type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'\n" : ''}${enumImports.length ? `import { ${enumImports.join(', ')} } from '#models/${names.file}'\n` : ''}
/** What the rules know: the project, and the ${names.label} being saved when updating. */
type ${names.model}Meta = { projectId: number; id?: number }
${hasUnique ? `\ntype FieldFilter = (\n  query: DatabaseQueryBuilderContract,\n  value: unknown,\n  field: FieldContext\n) => void\n` : ''}${scoped}
/** The rules of ${names.aLabel}'s fields, shared by creating and saving. */
function ${names.singularVar}FieldRules() {
  return {
${rules}
  }
}

/** A new ${names.label}. */
export const create${names.model}Validator = vine
  .withMetaData<${names.model}Meta>()
  .compile(vine.object(${names.singularVar}FieldRules()))

/** Changes to ${names.aLabel}. */
export const update${names.model}Validator = vine
  .withMetaData<${names.model}Meta>()
  .compile(vine.object(${names.singularVar}FieldRules()))
`
}

/** The transformer: the only way a row reaches pages. */
export function renderTransformer({ names, fields }: ResourceTemplateInput): string {
  const values = fields
    .map((field) => `      ${field.property}: ${transformedValue(field, 'row')},`)
    .join('\n')
  return `import type ${names.model} from '#models/${names.file}'
import { BaseTransformer } from '@adonisjs/core/transformers'

/** ${names.aLabel.charAt(0).toUpperCase() + names.aLabel.slice(1)} as pages see it. */
export default class ${names.model}Transformer extends BaseTransformer<${names.model}> {
  toObject() {
    const row = this.resource
    return {
      id: row.id,
${values}
      createdAt: row.createdAt.toISO() ?? '',
    }
  }
}
`
}

/** The resource's policy: the project's membership rules, with a place to override them. */
export function renderPolicy({ names }: ResourceTemplateInput): string {
  return `import type User from '#models/user'
import ProjectPolicy from '#policies/project_policy'
import type { ProjectAccess } from '#services/project_access'
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
