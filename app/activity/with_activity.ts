import type { BaseModel } from '@adonisjs/lucid/orm'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import type { LucidRow, ModelObject } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  type ActivityChanges,
  inTransaction,
  recordActivity,
  toRecordedValue,
} from '#activity/recorder'

/** How a model appears in the activity record. */
export type ActivityOptions = {
  /** The name of the record's kind: "task", "project". */
  subjectType: string
  /**
   * The project the record belongs to, for "recent activity in my projects", from the row's
   * attributes (it may query through the write's transaction).
   */
  projectId: (
    attributes: ModelObject,
    client: TransactionClientContract
  ) => number | null | Promise<number | null>
  /** Attributes never recorded (timestamps, counters). */
  ignore?: string[]
  /**
   * Attributes whose changes are recorded without their values (password hashes, secrets): each
   * side of the pair is {@link REDACTED} when it held a value, null when it was empty, so the
   * record shows that the field was set or changed and never what it holds.
   */
  redact?: string[]
  /** How the record names a row, when not by its primary key (e.g. "project:user" pairs). */
  subjectId?: (attributes: ModelObject) => string
  /** The task a row belongs to (a comment's), so that the task's live page hears of its changes. */
  taskId?: (attributes: ModelObject) => number | null
}

/** What the activity record keeps in place of a redacted value. */
export const REDACTED = '[redacted]'

const CHANGES = Symbol('activity changes')

type Recordable = LucidRow & { [CHANGES]?: ActivityChanges }

/**
 * Makes every create, update and delete of a model append an entry to the activity record (who,
 * when, which record, which columns changed from what to what), in the same transaction as the
 * write: `save()` and `delete()` open one when the caller has none. Whatever writes the model
 * (a page, a command, a seeder, the admin) is recorded the same way.
 */
export function withActivity(options: ActivityOptions) {
  const ignored = new Set(['updatedAt', ...(options.ignore ?? [])])
  const redacted = new Set(options.redact ?? [])
  const recordedValue = (attribute: string, value: unknown) => {
    if (!redacted.has(attribute)) return toRecordedValue(value)
    return value === null || value === undefined ? null : REDACTED
  }

  const subjectIdOf = (row: LucidRow) =>
    options.subjectId ? options.subjectId(row.$attributes) : (row.$primaryKeyValue as number)
  /** What an entry says besides its changes: the row's task and version, when it has them. */
  const placeOf = (row: LucidRow) => ({
    taskId: options.taskId?.(row.$attributes) ?? null,
    version: typeof row.$attributes.version === 'number' ? row.$attributes.version : null,
  })

  return <Model extends NormalizeConstructor<typeof BaseModel>>(superclass: Model) => {
    class WithActivity extends superclass {
      static boot() {
        // `booted` is inherited: a parent booted by another mixin does not mean this class is.
        if (Object.hasOwn(this, 'booted') && this.booted) return
        super.boot()

        const columnOf = (attribute: string) => this.$getColumn(attribute)?.columnName ?? attribute
        const snapshot = (values: Record<string, unknown>, side: 0 | 1) => {
          const changes: ActivityChanges = {}
          for (const [attribute, value] of Object.entries(values)) {
            if (ignored.has(attribute) || !this.$getColumn(attribute)) continue
            const recorded = recordedValue(attribute, value)
            changes[columnOf(attribute)] = side === 0 ? [recorded, null] : [null, recorded]
          }
          return changes
        }

        this.before('update', (row) => {
          const changes: ActivityChanges = {}
          for (const [attribute, after] of Object.entries(row.$dirty)) {
            if (ignored.has(attribute)) continue
            changes[columnOf(attribute)] = [
              recordedValue(attribute, row.$original[attribute]),
              recordedValue(attribute, after),
            ]
          }
          ;(row as Recordable)[CHANGES] = changes
        })

        this.after('update', async (row) => {
          const changes = (row as Recordable)[CHANGES] ?? {}
          delete (row as Recordable)[CHANGES]
          if (Object.keys(changes).length === 0) return
          await recordActivity(row.$trx!, {
            subjectType: options.subjectType,
            subjectId: subjectIdOf(row),
            projectId: await options.projectId(row.$attributes, row.$trx!),
            action: 'updated',
            changes,
            ...placeOf(row),
          })
        })

        this.after('create', async (row) => {
          await recordActivity(row.$trx!, {
            subjectType: options.subjectType,
            subjectId: subjectIdOf(row),
            projectId: await options.projectId(row.$attributes, row.$trx!),
            action: 'created',
            changes: snapshot(row.$attributes, 1),
            ...placeOf(row),
          })
        })

        // Written before the row goes, so an account deleting itself can still be the entry's
        // author until the delete sets it to null (activities.actor_id is ON DELETE SET NULL).
        this.before('delete', async (row) => {
          await recordActivity(row.$trx!, {
            subjectType: options.subjectType,
            subjectId: subjectIdOf(row),
            projectId: await options.projectId(row.$attributes, row.$trx!),
            action: 'deleted',
            changes: snapshot(row.$attributes, 0),
            ...placeOf(row),
          })
        })
      }

      async save(): Promise<this> {
        if (this.$trx) return super.save()
        await inTransaction(undefined, async (trx) => {
          this.useTransaction(trx)
          await super.save()
        })
        return this
      }

      async delete(): Promise<void> {
        if (this.$trx) return super.delete()
        await inTransaction(undefined, async (trx) => {
          this.useTransaction(trx)
          await super.delete()
        })
      }
    }
    return WithActivity
  }
}
