import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'

/**
 * Accepts a number only when it is in the list named `key` of the validator's metadata (the ids
 * of a project's members, of its labels), so a form cannot point at another project's records.
 */
export const inMetaList = vine.createRule((value: unknown, key: string, field: FieldContext) => {
  const allowed = (field.meta as Record<string, unknown>)[key]
  if (!Array.isArray(allowed) || !allowed.includes(value)) {
    field.report('The selected {{ field }} is not part of this project', 'inMetaList', field)
  }
})
