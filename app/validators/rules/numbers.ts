import vine from '@vinejs/vine'

/** The largest id an `increments()` column holds on PostgreSQL (its `integer` type). */
export const MAX_ID = 2_147_483_647

/**
 * Passes on a number, or a string that spells one, as forms and JSON send them; anything else
 * (`true`, `[5]`, `{}`) becomes NaN, which the number rule refuses. An empty string is no value.
 */
function numeric(value: unknown): unknown {
  if (value === '') return undefined
  if (value === null || value === undefined || typeof value === 'number') return value
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return value
  return Number.NaN
}

/**
 * A number, strictly: plain `vine.number()` reads `true` as 1 and `[5]` as 5, so a boolean would
 * pass for an id. Use it for every numeric field a person sends.
 */
export const strictNumber = () => vine.number().parse(numeric)

/** The id of a row: a whole number from 1 to {@link MAX_ID}, never a boolean. */
export const recordId = () => strictNumber().withoutDecimals().range([1, MAX_ID])
