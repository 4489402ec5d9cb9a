import vine from '@vinejs/vine'
import { IANAZone } from 'luxon'
import type { FieldContext } from '@vinejs/vine/types'

/** Accepts an IANA time zone name that this server knows (e.g. Europe/Paris, UTC). */
export const ianaTimeZone = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string' || !IANAZone.isValidZone(value)) {
      field.report(
        'The {{ field }} field must be a time zone such as Europe/Paris',
        'timeZone',
        field
      )
    }
  }
)

/** A time zone field: trimmed, short, and one the server knows. */
export const timeZoneRule = () => vine.string().trim().maxLength(64).use(ianaTimeZone())
