import vine, { errors } from '@vinejs/vine'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { SchemaTypes } from '@vinejs/vine/types'
import { assignedPasswordRule } from '#validators/rules/password'
import { type FormField, LOCAL_DATETIME } from '#admin/form_fields'
import { primaryKeyOf } from '#admin/model_fields'

/** A field error as VineJS reports it: the app's exception handler puts it under the field. */
export type FieldError = { field: string; message: string; rule: string }

/** The VineJS rule of one editable field, from its widget and column (or its `rule` option). */
function ruleOf(field: FormField, adding: boolean): SchemaTypes {
  if (field.options.rule) return field.options.rule
  const optional = !field.required
  switch (field.widget) {
    case 'checkbox':
      return vine.boolean().optional()
    case 'number':
      return optional ? vine.number().nullable().optional() : vine.number()
    case 'date':
      return optional
        ? vine
            .date({ formats: ['YYYY-MM-DD'] })
            .nullable()
            .optional()
        : vine.date({ formats: ['YYYY-MM-DD'] })
    case 'datetime': {
      const rule = vine.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/)
      return optional ? rule.nullable().optional() : rule
    }
    case 'select': {
      const rule = vine.enum(field.choices!.map((choice) => choice.value))
      return optional ? rule.nullable().optional() : rule
    }
    case 'relation':
      return optional
        ? vine.number().withoutDecimals().nullable().optional()
        : vine.number().withoutDecimals()
    case 'relations':
      return vine.array(vine.number().withoutDecimals()).distinct().optional()
    case 'password':
      return adding ? assignedPasswordRule() : assignedPasswordRule().nullable().optional()
    default: {
      let rule = vine.string().trim()
      if (field.widget === 'email') rule = rule.email()
      if (field.maxLength) rule = rule.maxLength(field.maxLength)
      return optional ? rule.nullable().optional() : rule
    }
  }
}

/**
 * Validates the editable `fields` of a submitted form with VineJS, errors keyed by field name
 * (under `prefix` for inline rows). Relation ids must name existing rows. Returns the values,
 * or throws the validation error the exception handler shows on the form.
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
    values = await vine.compile(vine.object(shape)).validate(input)
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
