import { DateTime } from 'luxon'
import type { LucidRow } from '@adonisjs/lucid/types/model'

/**
 * What identifies the state a form was drawn from: the row's `version` counter when the model
 * has one, else its `updatedAt`. A save carrying another state is refused (no lost update).
 */
export function versionOf(row: LucidRow): string | null {
  const model = row.constructor as { $hasColumn?: (name: string) => boolean }
  const values = row as unknown as Record<string, unknown>
  if (model.$hasColumn?.('version')) return String(values.version)
  const updatedAt = values.updatedAt
  if (DateTime.isDateTime(updatedAt)) return updatedAt.toUTC().toISO()
  return null
}
