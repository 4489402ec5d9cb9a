import { errors } from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import type { LucidModel, LucidRow, ModelAttributes } from '@adonisjs/lucid/types/model'

/** A row whose `version` grows with every saved change (see `Task.bumpVersion`). */
export type VersionedRow = LucidRow & { version: number }

/**
 * Saves `changes` to `row` only if nobody saved it since the form was drawn at `version`: the row
 * is read again under a lock, its version compared, and the change written with its activity
 * entry in one transaction. Returns false, writing nothing, when the row has moved on. Scaffolded
 * resources (`make:resource`) save through it; tasks have their own, which shows both sides.
 */
export async function saveIfUnchanged<Row extends VersionedRow>(
  row: Row,
  version: number,
  changes: Partial<ModelAttributes<Row>>
): Promise<boolean> {
  const model = row.constructor as LucidModel
  const key = model.$getColumn(model.primaryKey)?.columnName ?? model.primaryKey
  return db.transaction(async (trx) => {
    const current = (await model
      .query({ client: trx })
      .where(key, row.$primaryKeyValue as number | string)
      .forUpdate()
      .first()) as Row | null
    if (!current || current.version !== version) return false
    await current.merge(changes).save()
    return true
  })
}

/**
 * The answer to a save based on an older version: a validation error on `version`, so the form
 * keeps what the user typed and says why nothing was saved.
 */
export function staleEditError(label: string) {
  return new errors.E_VALIDATION_ERROR([
    {
      field: 'version',
      rule: 'stale',
      message: `Someone else saved this ${label} while you were editing it. Save again to replace their changes with yours.`,
    },
  ])
}
