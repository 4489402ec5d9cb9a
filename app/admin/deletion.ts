import db from '@adonisjs/lucid/services/db'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import adminSite from '#admin/admin_site'
import type { ModelAdmin } from '#admin/model_admin'
import { humanize, primaryKeyOf, relationOf } from '#introspection/model_fields'
import { titleColumnOf } from '#admin/lookups'

/** Related rows that go with a deletion, by kind. */
export type Cascade = { label: string; count: number; examples: string[] }

/** How deep the confirmation page follows relations: a project's tasks, and their comments. */
const DEPTH = 2
const EXAMPLES = 3

function labelOf(model: LucidModel): string {
  return adminSite.isRegistered(model)
    ? adminSite.adminOf(model).pluralLabel.toLowerCase()
    : humanize(model.table)
}

/**
 * What deleting `ids` of `model` takes with it, as Django's confirmation page lists it: the rows
 * of its hasMany relations (deleted by the database's ON DELETE CASCADE), their own children
 * one level down, and its many-to-many links.
 */
export async function collectCascades(
  model: LucidModel,
  ids: (string | number)[],
  depth = DEPTH
): Promise<Cascade[]> {
  if (ids.length === 0 || depth === 0) return []
  model.boot()
  const cascades: Cascade[] = []
  for (const name of model.$relationsDefinitions.keys()) {
    const relation = relationOf(model, name)!
    if (relation.type === 'manyToMany') {
      const result = await db
        .from(relation.pivotTable!)
        .whereIn(relation.pivotForeignKey!, ids)
        .count('* as total')
        .first()
      const count = Number(result?.total ?? 0)
      if (count > 0)
        cascades.push({
          label: `${humanize(relation.relationName).toLowerCase()} links`,
          count,
          examples: [],
        })
      continue
    }
    if (relation.type !== 'hasMany') continue
    const child = relation.relatedModel()
    const title = titleColumnOf(child)
    const key = primaryKeyOf(child).column
    const query = db.from(child.table).whereIn(relation.foreignKeyColumnName, ids)
    const [result, examples] = await Promise.all([
      query.clone().count('* as total').first(),
      query.clone().select(key, title).orderBy(key).limit(EXAMPLES),
    ])
    const count = Number(result?.total ?? 0)
    if (count === 0) continue
    cascades.push({
      label: labelOf(child),
      count,
      examples: examples.map((row) => String(row[title]).slice(0, 80)),
    })
    if (count <= 10_000) {
      const children = await query.clone().select(key)
      const childIds = children.map((row) => row[key])
      cascades.push(...(await collectCascades(child, childIds, depth - 1)))
    }
  }
  return cascades
}

/**
 * Whether a database error is a foreign key refusing the deletion: PostgreSQL's 23503, or
 * SQLite's "FOREIGN KEY constraint failed" (an ON DELETE RESTRICT reports it as a trigger).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return true
  return code?.startsWith('SQLITE_CONSTRAINT') === true && /FOREIGN KEY/i.test(message ?? '')
}

/** Loads the rows of `ids`, in their order; ids that name no row are left out. */
export async function rowsOf(
  admin: ModelAdmin,
  ids: string[],
  client?: TransactionClientContract
): Promise<LucidRow[]> {
  if (ids.length === 0) return []
  return admin.model
    .query(client ? { client } : {})
    .whereIn(admin.primaryKey.column, ids)
    .orderBy(admin.primaryKey.column)
}
