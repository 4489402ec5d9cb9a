import db from '@adonisjs/lucid/services/db'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import adminSite from '#admin/admin_site'
import { ModelAdmin } from '#admin/model_admin'
import type { AdminChoice } from '#admin/types'
import { columnsOf, primaryKeyOf } from '#introspection/model_fields'
import { likePattern } from '#admin/search'
import { ensurePermissionCatalog } from '#admin/permission_catalog'
import { isRowId } from '#validators/rules/row_id'

/** Results a relation picker shows per keystroke. */
const LOOKUP_LIMIT = 20

/** How a related model is seen by pickers: its registration, or the defaults when it has none. */
function adminFor(model: LucidModel): ModelAdmin {
  return adminSite.isRegistered(model) ? adminSite.adminOf(model) : new ModelAdmin(model)
}

/** The column that names a model's rows in pickers and filters ("name", "title", "email"). */
export function titleColumnOf(model: LucidModel): string {
  const attribute = adminFor(model).titleAttribute
  return columnsOf(model).find((column) => column.attribute === attribute)?.column ?? 'id'
}

/**
 * Rows of `model` whose title (or one of its admin's plain search fields) contains `term`, as
 * choices for a picker: the first 20 by title.
 */
export async function lookupChoices(model: LucidModel, term: string): Promise<AdminChoice[]> {
  if (model.table === 'permissions') await ensurePermissionCatalog()
  const title = titleColumnOf(model)
  const key = primaryKeyOf(model).column
  const searched = new Set([title])
  for (const field of adminFor(model).searchFields) {
    const column = columnsOf(model).find((candidate) => candidate.attribute === field)
    if (column) searched.add(column.column)
  }
  const query = db.from(model.table).select(key, title).orderBy(title).limit(LOOKUP_LIMIT)
  const trimmed = term.trim()
  if (trimmed) {
    const pattern = likePattern(trimmed)
    query.where((inner) => {
      for (const column of searched)
        inner.orWhereRaw(`lower(cast(?? as text)) like ? escape '\\'`, [column, pattern])
      if (isRowId(trimmed)) inner.orWhere(key, Number(trimmed))
    })
  }
  const rows = await query
  return rows.map((row) => ({ value: String(row[key]), label: String(row[title]) }))
}

/** The labels of chosen ids, for drawing a picker's current value. */
export async function choicesOf(
  model: LucidModel,
  ids: (string | number)[]
): Promise<AdminChoice[]> {
  if (ids.length === 0) return []
  const title = titleColumnOf(model)
  const key = primaryKeyOf(model).column
  const rows = await db.from(model.table).whereIn(key, ids).select(key, title)
  const labels = new Map(rows.map((row) => [String(row[key]), String(row[title])]))
  return ids.map((id) => ({ value: String(id), label: labels.get(String(id)) ?? `#${id}` }))
}
