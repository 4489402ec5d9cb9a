import string from '@adonisjs/core/helpers/string'
import type { FieldSpec } from '#scaffold/field_spec'
import type { ResourceNames } from '#scaffold/resource_names'
import { type Resource, humanize, targetOf } from '#scaffold/resource'

/** `INVOICE_STATUSES`: the exported list of an enum's values. */
export function enumConstant(names: ResourceNames, field: FieldSpec): string {
  return `${names.file}_${string.plural(field.name)}`.toUpperCase()
}

/** `InvoiceStatus`: the type of an enum's values. */
export function enumType(names: ResourceNames, field: FieldSpec): string {
  return `${names.model}${string.pascalCase(field.name)}`
}

/** `Issued on`, `Customer`: a field's label in pages. */
export function fieldLabel(field: FieldSpec): string {
  return string.sentenceCase(field.name)
}

/** `issued on`, `customer`: how validation messages name a field. */
export function messageName(field: FieldSpec): string {
  return field.name.replaceAll('_', ' ')
}

/** The knex call that creates a field's column. */
export function migrationColumn(resource: Resource, field: FieldSpec): string {
  const nullability = field.nullable ? '.nullable()' : '.notNullable()'
  const column = (call: string) => `table.${call}${nullability}`
  switch (field.type) {
    case 'belongs_to': {
      const onDelete = field.nullable ? 'SET NULL' : 'CASCADE'
      return `${column(`integer('${field.column}')`)}.unsigned().references('id').inTable('${targetOf(resource, field).table}').onDelete('${onDelete}')`
    }
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

/**
 * The VineJS rule of a form field. Unique values are unique within the project (or the owner's
 * rows); a belongs_to must name a row the resource may point at (a row id, checked before the
 * lookup): a member of the project, a row of the same project, a row of the same owner.
 */
export function vineRule(resource: Resource, field: FieldSpec): string {
  const { names } = resource
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
      rule = `vine.date({ formats: ['YYYY-MM-DDTHH:mm', 'YYYY-MM-DDTHH:mm:ss'] })`
      break
    case 'enum':
      rule = `vine.enum(${enumConstant(names, field)})`
      break
    case 'belongs_to': {
      const target = targetOf(resource, field)
      rule =
        target.kind === 'user'
          ? `recordId().exists({ table: 'project_members', column: 'user_id', filter: inScope })`
          : `recordId().exists({ table: '${target.table}', column: 'id', filter: inScope })`
      break
    }
  }
  if (field.unique) {
    rule += `.unique({ table: '${names.table}', column: '${field.column}', filter: othersInScope })`
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
      return field.nullable
        ? `${value} ? DateTime.fromJSDate(${value}) : null`
        : `DateTime.fromJSDate(${value})`
    case 'datetime': {
      // The browser's local time, read in the user's time zone.
      const inZone = `DateTime.fromJSDate(${value}).setZone(user.timeZone, { keepLocalTime: true })`
      return field.nullable ? `${value} ? ${inZone} : null` : inZone
    }
    case 'boolean':
      return field.nullable ? `${value} ?? null` : `${value} ?? false`
    default:
      return field.nullable ? `${value} ?? null` : value
  }
}

/** How the transformer shows a field to pages (a belongs_to also as `{ id, label }`). */
export function transformedValues(resource: Resource, field: FieldSpec): string[] {
  const value = `row.${field.property}`
  const optional = field.nullable ? '?' : ''
  switch (field.type) {
    case 'date':
      return [
        `${field.property}: ${value}${optional}.toISODate() ?? ${field.nullable ? 'null' : "''"}`,
      ]
    case 'datetime':
      return [`${field.property}: ${value}${optional}.toISO() ?? ${field.nullable ? 'null' : "''"}`]
    case 'belongs_to': {
      const target = targetOf(resource, field)
      const relation = `row.${field.relation!.property}`
      return [
        `${field.property}: ${value}`,
        `${field.relation!.property}: ${relation} ? { id: ${relation}.id, label: String(${relation}.${target.titleAttribute}) } : null`,
      ]
    }
    default:
      return [`${field.property}: ${value}`]
  }
}

/** A factory's fake value for a field (belongs_to fields are filled by the factory's hook). */
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
    case 'belongs_to':
      throw new Error(`A belongs_to (${field.name}) has no fake value: the factory's hook sets it`)
  }
}

/**
 * A valid value for a field as a test sends it in a form, and how the model then shows it.
 * A belongs_to's value is a variable the test defines (`customer.id`, `users.editor.id`).
 */
export function sampleValue(field: FieldSpec, variant: 0 | 1): { sent: string; stored: string } {
  switch (field.type) {
    case 'string': {
      const text = `'${variant === 0 ? 'First' : 'Second'} ${messageName(field)}'`
      return { sent: text, stored: text }
    }
    case 'text': {
      const text = `'Some ${messageName(field)} ${variant}'`
      return { sent: text, stored: text }
    }
    case 'integer':
      return { sent: `${41 + variant}`, stored: `${41 + variant}` }
    case 'decimal':
      return { sent: `${variant ? '99.5' : '12.25'}`, stored: `${variant ? '99.5' : '12.25'}` }
    case 'boolean':
      return { sent: variant ? 'false' : 'true', stored: variant ? 'false' : 'true' }
    case 'date':
      return { sent: `'2026-0${variant + 1}-15'`, stored: `'2026-0${variant + 1}-15'` }
    case 'datetime':
      return { sent: `'2026-0${variant + 1}-15T10:30'`, stored: `'2026-0${variant + 1}-15T10:30'` }
    case 'enum': {
      const value = field.values[variant % field.values.length]
      return { sent: `'${value}'`, stored: `'${value}'` }
    }
    case 'belongs_to': {
      const name = relationVariable(field, variant)
      return { sent: `${name}.id`, stored: `${name}.id` }
    }
  }
}

/** The test variable holding the row a belongs_to's sample `variant` points at: `customer0`. */
export function relationVariable(field: FieldSpec, variant: 0 | 1): string {
  return `${string.camelCase(field.name)}${variant}`
}

/** `a customer`, `an invoice`: a field's name with its article, for messages. */
export function withArticle(field: FieldSpec): string {
  const name = messageName(field)
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`
}

/** The message of a belongs_to naming a row the form would not offer. */
export function relationMessage(resource: Resource, field: FieldSpec): string {
  if (targetOf(resource, field).kind === 'user') {
    return `Choose ${withArticle(field)} among the project's members`
  }
  return resource.names.scope === 'project'
    ? `Choose ${withArticle(field)} of this project`
    : `Choose ${withArticle(field)} of your own`
}

/** An enum value as a person reads it: `in_progress` → `In progress`. */
export function valueLabel(value: string): string {
  return humanize(value)
}
