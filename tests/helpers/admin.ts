import type { LucidModel } from '@adonisjs/lucid/types/model'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { grantPermissions } from '#admin/permissions'
import { ensurePermissionCatalog } from '#admin/permission_catalog'

/** A staff account (not a superuser) holding exactly `codenames` ("task.view"), granted directly. */
export async function staffWith(codenames: string[]): Promise<User> {
  const user = await UserFactory.apply('staff').create()
  if (codenames.length > 0) {
    await ensurePermissionCatalog()
    await grantPermissions(user, codenames)
  }
  return user
}

/** One attribute of a row as the database holds it now. */
export async function stored<Model extends LucidModel, Key extends keyof InstanceType<Model>>(
  model: Model,
  id: number,
  attribute: Key
): Promise<InstanceType<Model>[Key]> {
  const row = (await model.findOrFail(id)) as InstanceType<Model>
  return row[attribute]
}

/** How many rows a query returns. */
export async function rowCount(query: Promise<unknown[]>): Promise<number> {
  const rows = await query
  return rows.length
}
