import type { LucidModel } from '@adonisjs/lucid/types/model'
import { takenOf } from '#validators/taken'
import type { FormField } from '#admin/form_fields'
import type { FieldError } from '#admin/form_validation'

/**
 * The refusal of a value that a unique index of `model` already holds (a label name in its
 * project, an email), on the form field that writes the index's column and with the sentence the
 * pages use; null when `error` is not such a violation. `prefix` places it on an inline row.
 */
export function takenFieldError(
  error: unknown,
  model: LucidModel,
  fields: FormField[],
  prefix = ''
): FieldError | null {
  const taken = takenOf(error)
  if (!taken || taken.table !== model.table) return null
  const field = fields.find(
    (candidate) => 'column' in candidate.member && candidate.member.column === taken.column
  )
  return {
    field: field ? prefix + field.name : 'form',
    message: taken.message,
    rule: 'database.unique',
  }
}
