import { DateTime } from 'luxon'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { recordActivity } from '#activity/recorder'
import type { ModelAdmin } from '#admin/model_admin'
import type { FormField } from '#admin/form_fields'

/**
 * Whether a submitted date or time is the one the row holds, as precisely as the form shows it:
 * a date by its day, a date and time by its minute, whatever the zone it was read in. Any other
 * value is left to the model's own comparison.
 */
function sameMoment(field: FormField, current: unknown, value: unknown): boolean {
  if (!DateTime.isDateTime(current) || !DateTime.isDateTime(value)) return false
  if (field.widget === 'date') return current.toISODate() === value.toISODate()
  const minute = (moment: DateTime) => Math.floor(moment.toMillis() / 60_000)
  return minute(current) === minute(value)
}

/**
 * Sets the validated values of plain and belongsTo fields on `row` (not yet saved). A date or
 * time sent back as the form showed it stays as stored, so a save that changes nothing writes
 * nothing and records nothing.
 */
export function assignValues(row: LucidRow, fields: FormField[], values: Record<string, unknown>) {
  const target = row as unknown as Record<string, unknown>
  for (const field of fields) {
    if (field.readonly || field.member.kind === 'manyToMany') continue
    const value = values[field.name]
    if (field.member.kind === 'column' && sameMoment(field, target[field.member.attribute], value))
      continue
    if (field.widget === 'password') {
      if (typeof value === 'string' && value !== '') target[field.member.attribute] = value
      continue
    }
    if (field.member.kind === 'belongsTo') {
      target[field.member.relation.foreignKey] = value ?? null
    } else if (field.widget === 'checkbox') {
      target[field.member.attribute] = value === true
    } else if (value === undefined || value === null) {
      // An emptied text column that cannot be null (with a default) holds the empty string.
      target[field.member.attribute] =
        field.type?.nullable === false && field.widget !== 'number' ? '' : null
    } else {
      target[field.member.attribute] = value
    }
  }
}

/**
 * Replaces the many-to-many links of `row` chosen on the form, in `trx`, and records what changed
 * in the activity record (column name to [ids before, ids after]) when the admin names a subject.
 */
export async function syncManyToMany(
  admin: ModelAdmin,
  row: LucidRow,
  fields: FormField[],
  values: Record<string, unknown>,
  trx: TransactionClientContract
) {
  const changes: Record<string, [unknown, unknown]> = {}
  for (const field of fields) {
    if (field.readonly || field.member.kind !== 'manyToMany') continue
    const relation = field.member.relation
    const owner = row.$getAttribute(relation.localKey)
    const pivot = relation.pivotTable!
    const linked = await trx
      .from(pivot)
      .where(relation.pivotForeignKey!, owner)
      .select(relation.pivotRelatedForeignKey!)
    const before = linked
      .map((entry) => Number(entry[relation.pivotRelatedForeignKey!]))
      .sort((a, b) => a - b)
    const after = [
      ...new Set(((values[field.name] as number[] | undefined) ?? []).map(Number)),
    ].sort((a, b) => a - b)
    if (before.join(',') === after.join(',')) continue

    await trx.from(pivot).where(relation.pivotForeignKey!, owner).delete()
    if (after.length > 0) {
      // A link another save wrote meanwhile is the same link: it stays, once.
      await trx
        .table(pivot)
        .multiInsert(
          after.map((id) => ({
            [relation.pivotForeignKey!]: owner,
            [relation.pivotRelatedForeignKey!]: id,
          }))
        )
        .onConflict([relation.pivotForeignKey!, relation.pivotRelatedForeignKey!])
        .ignore()
    }
    changes[field.name] = [before, after]
  }
  if (admin.activitySubject && Object.keys(changes).length > 0) {
    await recordActivity(trx, {
      subjectType: admin.activitySubject,
      subjectId: admin.activitySubjectIdOf(row),
      projectId: admin.activityProjectOf(row),
      action: 'updated',
      changes,
    })
  }
}

/** Loads the row of `model` with primary key `id` through `trx`, locked for the update. */
export async function lockedRow(model: LucidModel, id: string, trx: TransactionClientContract) {
  const query = model.query({ client: trx }).where(model.primaryKey, id)
  if (trx.dialect.name === 'postgres') query.forUpdate()
  return query.first()
}
