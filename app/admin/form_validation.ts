import vine, { errors } from '@vinejs/vine'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { BaseLiteralType } from '@vinejs/vine'
import type { SchemaTypes } from '@vinejs/vine/types'
import { assignedPasswordRule } from '#validators/rules/password'
import { recordId, strictNumber } from '#validators/rules/numbers'
import { type FormField, LOCAL_DATETIME, TEXT_WIDGETS } from '#admin/form_fields'
import { primaryKeyOf } from '#introspection/model_fields'

/** A field error as VineJS reports it: the app's exception handler puts it under the field. */
export type FieldError = { field: string; message: string; rule: string }

/**
 * The longest text the admin writes into a column the database does not bound, when the pages
 * have no rule of their own for it: as long as the pages' longest text field.
 */
export const UNBOUNDED_TEXT_LIMIT = 10_000

/** The rule a field gets from its widget and column when the pages have none. */
function inferredRule(field: FormField): BaseLiteralType<any, any, any> {
  switch (field.widget) {
    case 'number':
      return strictNumber()
    case 'date':
      return vine.date({ formats: ['YYYY-MM-DD'] })
    case 'datetime':
      return vine.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/)
    case 'select':
      return vine.enum(field.choices!.map((choice) => choice.value))
    case 'relation':
      return recordId()
    default: {
      let rule = vine.string().trim()
      if (field.widget === 'email') rule = rule.email()
      rule = rule.maxLength(field.maxLength ?? UNBOUNDED_TEXT_LIMIT)
      return field.type && !field.type.hasDefault ? rule.minLength(1) : rule
    }
  }
}

/**
 * The VineJS rule of one editable field: the pages' rule of the field when there is one, else
 * one inferred from the column. A field whose column may be null may be left empty; an emptied
 * text field of a column that may not is the empty string, which its rule accepts or refuses.
 */
function ruleOf(field: FormField, adding: boolean): SchemaTypes {
  switch (field.widget) {
    case 'checkbox':
      return vine.boolean().optional()
    case 'relations':
      return vine.array(recordId()).distinct().optional()
    case 'password':
      return adding ? assignedPasswordRule() : assignedPasswordRule().nullable().optional()
  }
  const rule = field.rule?.() ?? inferredRule(field)
  return field.type?.nullable === false ? rule : rule.nullable().optional()
}

/** The submitted values, with emptied text fields of columns that cannot be null as `''`. */
function withEmptyText(fields: FormField[], input: Record<string, unknown>) {
  const values = { ...input }
  for (const field of fields) {
    const empty = values[field.name] === null || values[field.name] === undefined
    if (empty && TEXT_WIDGETS.includes(field.widget) && field.type?.nullable === false) {
      values[field.name] = ''
    }
  }
  return values
}

/**
 * Validates the editable `fields` of a submitted form with VineJS, with the pages' rules where
 * the model's admin names them, errors keyed by field name (under `prefix` for inline rows).
 * Relation ids must name existing rows. Returns the values and the errors.
 */
export async function validateForm(
  fields: FormField[],
  input: Record<string, unknown>,
  options: { adding: boolean; timeZone: string; prefix?: string }
): Promise<{ values: Record<string, unknown>; errors: FieldError[] }> {
  const editable = fields.filter((field) => !field.readonly)
  const shape = Object.fromEntries(
    editable.map((field) => [field.name, ruleOf(field, options.adding)])
  )
  const prefix = options.prefix ?? ''

  let values: Record<string, unknown>
  try {
    values = await vine.compile(vine.object(shape)).validate(withEmptyText(editable, input))
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    const messages = error.messages as FieldError[]
    return {
      values: {},
      errors: messages.map((entry) => ({ ...entry, field: prefix + entry.field })),
    }
  }

  const fieldErrors: FieldError[] = []
  for (const field of editable) {
    const value = values[field.name]
    if (field.widget === 'datetime' && typeof value === 'string') {
      const parsed = DateTime.fromFormat(value.slice(0, 16), LOCAL_DATETIME, {
        zone: options.timeZone,
      })
      if (parsed.isValid) values[field.name] = parsed
      else
        fieldErrors.push({
          field: prefix + field.name,
          message: 'Enter a valid date and time',
          rule: 'datetime',
        })
    }
    if (field.widget === 'date' && value instanceof Date) {
      values[field.name] = DateTime.fromJSDate(value).startOf('day')
    }
    const { member } = field
    if (
      (member.kind === 'belongsTo' || member.kind === 'manyToMany') &&
      value !== null &&
      value !== undefined
    ) {
      const ids = (Array.isArray(value) ? value : [value]) as number[]
      const related = member.relation.relatedModel()
      const key = primaryKeyOf(related).column
      const found =
        ids.length === 0 ? [] : await db.from(related.table).whereIn(key, ids).select(key)
      if (found.length !== new Set(ids).size) {
        fieldErrors.push({
          field: prefix + field.name,
          message: `Choose an existing ${field.label.toLowerCase()}`,
          rule: 'exists',
        })
      }
    }
  }
  return { values, errors: fieldErrors }
}
