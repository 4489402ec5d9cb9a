import string from '@adonisjs/core/helpers/string'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { AdminValueType } from '#admin/types'
import type { ColumnType } from '#introspection/column_types'
import { columnsOf, memberOf } from '#introspection/model_fields'
import { type TsProject, editSource } from '#scaffold/ts_source'

/** A column as `make:admin` sees it: Lucid's options plus what the database says of its type. */
export type ScaffoldColumn = {
  attribute: string
  isPrimary: boolean
  hidden: boolean
  autoCreate: boolean
  autoUpdate: boolean
  /** The kind of values; null when neither the database nor the model tells. */
  type: AdminValueType | null
  /** Long text, edited in a text area. */
  long: boolean
}

/** A belongsTo relation: its name, its foreign key attribute, the related model's title. */
export type ScaffoldRelation = { name: string; foreignKey: string; relatedTitle: string | null }

/** What `make:admin` infers a registration from; plain data, so the choices test without a database. */
export type ModelDescription = {
  /** Whether the database described the columns' types (else only Lucid's metadata is known). */
  typed: boolean
  columns: ScaffoldColumn[]
  belongsTo: ScaffoldRelation[]
}

/** The options a generated ModelAdmin declares. */
export type AdminScaffold = {
  listDisplay: string[]
  searchFields: string[]
  listFilter: string[]
  ordering: string[]
  fields: string[]
  fieldOptions: Record<string, { widget?: 'textarea'; label?: string }>
}

/** The attributes that name an object, in the order `ModelAdmin.titleAttribute` tries them. */
const TITLE_ATTRIBUTES = ['name', 'title', 'fullName', 'email', 'codename']

/** The first title attribute among `attributes`, or null. */
export function titleAttributeOf(attributes: string[]): string | null {
  return TITLE_ATTRIBUTES.find((name) => attributes.includes(name)) ?? null
}

/**
 * Describes `model` for {@link inferAdminOptions}: its columns (typed by `columnTypes`, the
 * database's catalog keyed by column name, when there is one) and its belongsTo relations.
 */
export function describeModel(
  model: LucidModel,
  columnTypes: Map<string, ColumnType> | null
): ModelDescription {
  const columns = columnsOf(model).map((column) => {
    const fromDatabase = columnTypes?.get(column.column)
    return {
      attribute: column.attribute,
      isPrimary: column.isPrimary,
      hidden: column.meta.hidden,
      autoCreate: column.meta.autoCreate,
      autoUpdate: column.meta.autoUpdate,
      type: fromDatabase?.type ?? column.meta.type,
      long: fromDatabase?.long ?? false,
    }
  })
  const belongsTo = [...model.$relationsDefinitions.keys()].flatMap((name) => {
    const member = memberOf(model, name)
    if (member?.kind !== 'belongsTo') return []
    const related = columnsOf(member.relation.relatedModel()).map((column) => column.attribute)
    return [
      { name, foreignKey: member.relation.foreignKey, relatedTitle: titleAttributeOf(related) },
    ]
  })
  return { typed: columnTypes !== null, columns, belongsTo }
}

/** Whether a column is set by Lucid (`autoCreate`/`autoUpdate`), never typed in. */
function isTimestamp(column: ScaffoldColumn): boolean {
  return column.autoCreate || column.autoUpdate
}

function isDate(column: ScaffoldColumn): boolean {
  return column.type === 'date' || column.type === 'datetime'
}

/**
 * Django-like defaults for a new registration: the title and a few short columns listed, short
 * text searched, booleans, dates and relations filtered, every editable column on the form.
 */
export function inferAdminOptions(description: ModelDescription): AdminScaffold {
  const { columns, belongsTo } = description
  const relationByKey = new Map(belongsTo.map((relation) => [relation.foreignKey, relation]))
  const primary = columns.find((column) => column.isPrimary)?.attribute ?? 'id'
  const created =
    columns.find((column) => column.attribute === 'createdAt') ??
    columns.find((column) => column.autoCreate && !column.autoUpdate)
  const visible = columns.filter((column) => !column.hidden)
  const title = titleAttributeOf(visible.map((column) => column.attribute))
  const first = title ?? primary

  const listDisplay = [
    first,
    ...visible
      .filter(
        (column) =>
          column.attribute !== first &&
          !column.isPrimary &&
          !column.long &&
          !isTimestamp(column) &&
          !relationByKey.has(column.attribute)
      )
      .slice(0, 5)
      .map((column) => column.attribute),
    ...belongsTo.map((relation) =>
      relation.relatedTitle ? `${relation.name}.${relation.relatedTitle}` : relation.foreignKey
    ),
    ...(created ? [created.attribute] : []),
  ]

  const shortText = description.typed
    ? visible
        .filter((column) => !column.isPrimary && column.type === 'text' && !column.long)
        .map((column) => column.attribute)
    : []
  const searchFields = title
    ? [title, ...shortText.filter((name) => name !== title)]
    : shortText.slice(0, 3)

  const dates = visible.filter((column) => isDate(column) && !isTimestamp(column))
  const listFilter = [
    ...visible.filter((column) => column.type === 'boolean').map((column) => column.attribute),
    ...(dates.length > 0 ? dates : created ? [created] : []).map((column) => column.attribute),
    ...belongsTo.map((relation) => relation.name),
  ].slice(0, 4)

  const hasId = columns.some((column) => column.attribute === 'id')
  const ordering = [`-${hasId ? 'id' : (created?.attribute ?? primary)}`]

  const editable = columns.filter(
    (column) => !column.isPrimary && !column.hidden && !isTimestamp(column)
  )
  const fields = editable.map(
    (column) => relationByKey.get(column.attribute)?.name ?? column.attribute
  )

  const fieldOptions: AdminScaffold['fieldOptions'] = {}
  for (const column of editable) {
    if (column.long) fieldOptions[column.attribute] = { widget: 'textarea' }
  }
  for (const relation of belongsTo) {
    if (relation.relatedTitle) {
      fieldOptions[`${relation.name}.${relation.relatedTitle}`] = {
        label: string.sentenceCase(relation.name),
      }
    }
  }

  return {
    listDisplay,
    searchFields: searchFields.slice(0, 3),
    listFilter,
    ordering,
    fields,
    fieldOptions,
  }
}

/** A string as a single-quoted TypeScript literal. */
function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

function list(values: string[]): string {
  return `[${values.map(quote).join(', ')}]`
}

/**
 * The class body of a generated ModelAdmin, one option a line: what the `make/admin` stub puts
 * between the braces. Prettier wraps the long lines after the file is written.
 */
export function renderAdminOptions(
  scaffold: AdminScaffold,
  settings: { area: string; activitySubject: string | null }
): string {
  const lines = [`area = ${quote(settings.area)}`]
  if (settings.activitySubject) lines.push(`activitySubject = ${quote(settings.activitySubject)}`)
  lines.push(
    `listDisplay = ${list(scaffold.listDisplay)}`,
    `searchFields = ${list(scaffold.searchFields)}`,
    `listFilter = ${list(scaffold.listFilter)}`,
    `ordering = ${list(scaffold.ordering)}`,
    `fieldsets = [{ title: null, fields: ${list(scaffold.fields)} }]`
  )
  const options = Object.entries(scaffold.fieldOptions).map(([name, option]) => {
    const entries = [
      ...(option.widget ? [`widget: ${quote(option.widget)} as const`] : []),
      ...(option.label ? [`label: ${quote(option.label)}`] : []),
    ]
    return `${quote(name)}: { ${entries.join(', ')} }`
  })
  if (options.length > 0) lines.push(`fieldOptions = { ${options.join(', ')} }`)
  return lines.map((line) => `  ${line}`).join('\n')
}

/** The `withActivity({ subjectType: '…' })` of a model's source, or null. */
export function activitySubjectOf(modelSource: string): string | null {
  return /withActivity\(\s*\{\s*subjectType:\s*['"]([^'"]+)['"]/.exec(modelSource)?.[1] ?? null
}

/** Names in a registration: `Invoice` from `#models/invoice`, `InvoiceAdmin` from its file. */
export type RegistrationNames = {
  modelName: string
  modelFile: string
  adminName: string
  adminFile: string
}

/** Whether `start/admin.ts`'s source registers `modelName`. */
export function isRegisteredIn(source: string, modelName: string): boolean {
  return new RegExp(`^\\s*adminSite\\.register\\(\\s*${modelName}\\s*[,)]`, 'm').test(source)
}

/**
 * `start/admin.ts`'s source with `names` registered, edited through the ts-morph `project`: the
 * model and admin imports after the last of their kind, the `register` call after the last one
 * (so before `adminSite.check()`).
 */
export function addRegistration(
  project: TsProject,
  path: string,
  source: string,
  names: RegistrationNames
): string {
  return editSource(project, path, source, (file) => {
    const importAfter = (
      prefix: string,
      declaration: { defaultImport?: string; namedImports?: string[]; moduleSpecifier: string }
    ) => {
      const imports = file.getImportDeclarations()
      const kin = imports.filter((entry) => entry.getModuleSpecifierValue().startsWith(prefix))
      const after = kin.at(-1) ?? imports.at(-1)
      file.insertImportDeclaration(after ? after.getChildIndex() + 1 : 0, declaration)
    }
    importAfter('#models/', {
      defaultImport: names.modelName,
      moduleSpecifier: `#models/${names.modelFile}`,
    })
    importAfter('#admin/models/', {
      namedImports: [names.adminName],
      moduleSpecifier: `#admin/models/${names.adminFile}`,
    })

    const register = `adminSite.register(${names.modelName}, ${names.adminName})`
    const statements = file.getStatements()
    const last = statements.findLast((statement) =>
      statement.getText().startsWith('adminSite.register(')
    )
    const check = statements.find((statement) => statement.getText().startsWith('adminSite.check('))
    if (last) file.insertStatements(last.getChildIndex() + 1, register)
    else if (check) {
      file.insertStatements(check.getChildIndex(), (writer) =>
        writer.blankLineIfLastNot().writeLine(register).blankLine()
      )
    } else file.addStatements(register)
  })
}
