import db from '@adonisjs/lucid/services/db'
import type { BaseModel } from '@adonisjs/lucid/orm'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { forgetProjectOptions } from '#services/projects/project_options'

/** A write of a row, as the hooks see it. */
export type RowWrite = 'create' | 'update' | 'delete'

/**
 * The projects whose options a write changes, read before the write (the row's `$dirty` still
 * says what changes; a delete's cascades have not run). It may query through `client`.
 */
export type AffectedProjects = (
  row: LucidRow,
  write: RowWrite,
  client: QueryClientContract
) => number[] | Promise<number[]>

const PENDING = Symbol('project options to forget')

type Pending = LucidRow & { [PENDING]?: number[] }

/**
 * Makes every create, update and delete of a model drop the cached options (members, labels) of
 * the projects it changes, once its transaction commits. Whatever writes the model (a page, the
 * API, a command, the admin) keeps the cache right the same way.
 */
export function forgetsProjectOptions(affected: AffectedProjects) {
  return <Model extends NormalizeConstructor<typeof BaseModel>>(superclass: Model) => {
    class ForgetsProjectOptions extends superclass {
      static boot() {
        if (Object.hasOwn(this, 'booted') && this.booted) return
        super.boot()

        const before = (write: RowWrite) => async (row: Pending) => {
          row[PENDING] = await affected(row, write, row.$trx ?? db.connection())
        }
        const after = async (row: Pending) => {
          const projectIds = row[PENDING] ?? []
          delete row[PENDING]
          await forgetProjectOptions(projectIds, row.$trx)
        }
        for (const write of ['create', 'update', 'delete'] as const) {
          this.before(write, before(write))
          this.after(write, after)
        }
      }
    }
    return ForgetsProjectOptions
  }
}
