import string from '@adonisjs/core/helpers/string'
import type { FieldSpec } from '#services/scaffold/field_spec'
import type { ResourceNames } from '#services/scaffold/resource_names'

/** The fields a form edits: all but the parent project. */
export function formFields(fields: FieldSpec[]): FieldSpec[] {
  return fields.filter((field) => field.type !== 'belongs_to')
}

/** `INVOICE_STATUSES`: the exported list of an enum's values. */
export function enumConstant(names: ResourceNames, field: FieldSpec): string {
  return `${names.file}_${string.plural(field.name)}`.toUpperCase()
}

/** `InvoiceStatus`: the type of an enum's values. */
export function enumType(names: ResourceNames, field: FieldSpec): string {
  return `${names.model}${string.pascalCase(field.name)}`
}

/** `Issued on`: a field's label in pages. */
export function fieldLabel(field: FieldSpec): string {
  return string.sentenceCase(field.name)
}

/** The knex call that creates a field's column. */
export function migrationColumn(names: ResourceNames, field: FieldSpec): string {
  const nullability = field.nullable ? '.nullable()' : '.notNullable()'
  const unique = field.unique ? '' : ''
  const column = (call: string) => `table.${call}${nullability}${unique}`
  switch (field.type) {
    case 'belongs_to':
      return `table.integer('project_id').notNullable().unsigned().references('id').inTable('projects').onDelete('CASCADE')`
    case 'string':
      return column(`string('${field.column}', 255)`)
    case 'text':
      return column(`text('${field.column}')`)
    case 'integer':
      return column(`integer('${field.column}')`)
    case 'decimal':
      return column(`decimal('${field.column}', 12, 2)`)
    case 'boolean':
      return `table.boolean('${field.column}')${nullability}${field.nullable ? '' : '.defaultTo(false)'}`
    case 'date':
      return column(`date('${field.column}')`)
    case 'datetime':
      return column(`timestamp('${field.column}')`)
    case 'enum':
      return column(`string('${field.column}', 50)`)
  }
  void names
}

/** The TypeScript type of a field on the model. */
export function modelType(names: ResourceNames, field: FieldSpec): string {
  const base = {
    belongs_to: 'number',
    string: 'string',
    text: 'string',
    integer: 'number',
    decimal: 'number',
    boolean: 'boolean',
    date: 'DateTime',
    datetime: 'DateTime',
    enum: enumType(names, field),
  }[field.type]
  return field.nullable ? `${base} | null` : base
}

/** The `@column` decorator of a field. */
export function modelDecorator(field: FieldSpec): string {
  const consume = (cast: string) =>
    field.nullable
      ? `@column({ consume: (value) => (value === null ? null : ${cast}(value)) })`
      : `@column({ consume: (value) => ${cast}(value) })`
  switch (field.type) {
    case 'date':
      return '@column.date()'
    case 'datetime':
      return '@column.dateTime()'
    case 'decimal':
      return consume('Number')
    case 'boolean':
      return consume('Boolean')
    default:
      return '@column()'
  }
}

/** The VineJS rule of a form field; unique fields are checked within the project. */
export function vineRule(names: ResourceNames, field: FieldSpec): string {
  let rule: string
  switch (field.type) {
    case 'string':
      rule = `vine.string().trim()${field.nullable ? '' : '.minLength(1)'}.maxLength(255)`
      break
    case 'text':
      rule = `vine.string().trim().maxLength(10_000)`
      break
    case 'integer':
      rule = 'vine.number().withoutDecimals().range([-2_147_483_648, 2_147_483_647])'
      break
    case 'decimal':
      rule = 'vine.number().decimal([0, 2]).range([-9_999_999_999, 9_999_999_999])'
      break
    case 'boolean':
      rule = 'vine.boolean()'
      break
    case 'date':
      rule = `vine.date({ formats: ['YYYY-MM-DD'] })`
      break
    case 'datetime':
      rule = `vine.date({ formats: ['YYYY-MM-DDTHH:mm', 'YYYY-MM-DD HH:mm:ss'] })`
      break
    case 'enum':
      rule = `vine.enum(${enumConstant(names, field)})`
      break
    default:
      throw new Error(`No rule for ${field.type}`)
  }
  if (field.unique) {
    rule += `.unique({ table: '${names.table}', column: '${field.column}', filter: scopedToProject })`
  }
  if (field.nullable) rule += '.optional()'
  if (!field.nullable && field.type === 'boolean') rule += '.optional()'
  return rule
}

/** How the controller turns a validated value into the model's value. */
export function payloadValue(field: FieldSpec): string {
  const value = `values.${field.property}`
  switch (field.type) {
    case 'date':
    case 'datetime':
      return field.nullable
        ? `${value} ? DateTime.fromJSDate(${value}) : null`
        : `DateTime.fromJSDate(${value})`
    case 'boolean':
      return field.nullable ? `${value} ?? null` : `${value} ?? false`
    default:
      return field.nullable ? `${value} ?? null` : value
  }
}

/** How the transformer shows a field to pages. */
export function transformedValue(field: FieldSpec, resource: string): string {
  const value = `${resource}.${field.property}`
  const optional = field.nullable ? '?' : ''
  if (field.type === 'date') return `${value}${optional}.toISODate() ?? null`
  if (field.type === 'datetime') return `${value}${optional}.toISO() ?? null`
  return value
}

/** A factory's fake value for a field. */
export function fakeValue(names: ResourceNames, field: FieldSpec): string {
  switch (field.type) {
    case 'string':
      return field.unique
        ? `\`\${faker.lorem.word()}-\${faker.string.alphanumeric(8)}\``
        : 'faker.lorem.words(3)'
    case 'text':
      return 'faker.lorem.paragraph()'
    case 'integer':
      return field.unique
        ? 'faker.number.int({ min: 1, max: 2_000_000_000 })'
        : 'faker.number.int({ min: 0, max: 1000 })'
    case 'decimal':
      return 'faker.number.float({ min: 0, max: 10_000, fractionDigits: 2 })'
    case 'boolean':
      return 'faker.datatype.boolean()'
    case 'date':
      return `DateTime.fromJSDate(faker.date.recent()).startOf('day')`
    case 'datetime':
      return `DateTime.fromJSDate(faker.date.recent()).startOf('second')`
    case 'enum':
      return `faker.helpers.arrayElement(${enumConstant(names, field)})`
    default:
      throw new Error(`No fake value for ${field.type}`)
  }
}

/** A valid value for a field as a test sends it in a form, and how the model then shows it. */
export function sampleValue(field: FieldSpec, variant: 0 | 1): { sent: string; stored: string } {
  switch (field.type) {
    case 'string':
      return variant === 0
        ? { sent: `'First ${field.name}'`, stored: `'First ${field.name}'` }
        : { sent: `'Second ${field.name}'`, stored: `'Second ${field.name}'` }
    case 'text':
      return { sent: `'Some ${field.name} ${variant}'`, stored: `'Some ${field.name} ${variant}'` }
    case 'integer':
      return { sent: `${41 + variant}`, stored: `${41 + variant}` }
    case 'decimal':
      return { sent: `${variant ? '99.5' : '12.25'}`, stored: `${variant ? '99.5' : '12.25'}` }
    case 'boolean':
      return { sent: variant ? 'false' : 'true', stored: variant ? 'false' : 'true' }
    case 'date':
      return {
        sent: `'2026-0${variant + 1}-15'`,
        stored: `'2026-0${variant + 1}-15'`,
      }
    case 'datetime':
      return {
        sent: `'2026-0${variant + 1}-15T10:30'`,
        stored: `'2026-0${variant + 1}-15T10:30'`,
      }
    case 'enum': {
      const value = field.values[variant % field.values.length]
      return { sent: `'${value}'`, stored: `'${value}'` }
    }
    default:
      throw new Error(`No sample for ${field.type}`)
  }
}
