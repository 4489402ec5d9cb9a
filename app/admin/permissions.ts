import db from '@adonisjs/lucid/services/db'
import { Exception } from '@adonisjs/core/exceptions'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import type Group from '#models/group'
import { type ActivityChanges, inTransaction, recordActivity } from '#activity/recorder'

/** What a permission allows on one model, as in Django, in the order the admin lists them. */
export const PERMISSION_ACTIONS = ['view', 'add', 'change', 'delete'] as const

/** One of {@link PERMISSION_ACTIONS}. */
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number]

/** The codename of `action` on the model registered as `modelKey`: "task.view". */
export function codenameOf(modelKey: string, action: PermissionAction): string {
  return `${modelKey}.${action}`
}

/** A permission codename or a group id that is not in the database: answers 422. */
export class UnknownAccessException extends Exception {
  static status = 422
  static code = 'E_UNKNOWN_ACCESS'
}

/**
 * The codenames `user` holds, granted directly or through any of its groups, in one query. An
 * inactive account holds none. Superusers get no special case here: that is the caller's rule.
 */
export async function permissionsOf(
  user: User,
  client: QueryClientContract = db.connection()
): Promise<Set<string>> {
  if (!user.isActive) return new Set()

  const rows = await client
    .from('permissions')
    .whereIn('id', (direct) =>
      direct.from('user_permissions').where('user_id', user.id).select('permission_id')
    )
    .orWhereIn('id', (throughGroups) =>
      throughGroups
        .from('group_permissions')
        .join('user_groups', 'user_groups.group_id', 'group_permissions.group_id')
        .where('user_groups.user_id', user.id)
        .select('group_permissions.permission_id')
    )
    .select('codename')

  return new Set(rows.map((row) => row.codename as string))
}

/**
 * Adds the catalog rows that are missing (an existing codename keeps its row and name), so it can
 * run at every boot or deploy. Returns the id of every given codename.
 */
export async function ensurePermissions(
  entries: { codename: string; name: string }[],
  client: QueryClientContract | TransactionClientContract = db.connection()
): Promise<Map<string, number>> {
  const byCodename = new Map(entries.map(({ codename, name }) => [codename, { codename, name }]))
  if (byCodename.size === 0) return new Map()

  await client
    .table('permissions')
    .multiInsert([...byCodename.values()])
    .onConflict('codename')
    .ignore()

  return permissionIds(client, [...byCodename.keys()])
}

/** The pivot tables of the memberships the admin edits. */
const PIVOTS = {
  userGroups: { table: 'user_groups', owner: 'user_id', member: 'group_id' },
  userPermissions: { table: 'user_permissions', owner: 'user_id', member: 'permission_id' },
  groupPermissions: { table: 'group_permissions', owner: 'group_id', member: 'permission_id' },
}

type Pivot = (typeof PIVOTS)[keyof typeof PIVOTS]

/**
 * Makes `user` a member of exactly `groupIds` and the direct holder of exactly
 * `permissionCodenames` (a list left out stays as it is), and records one "updated" entry for the
 * user with the ids before and after: `{ groups: [[1], [1, 3]], permissions: [[], [7]] }`.
 * Records nothing and returns false when nothing changed.
 */
export async function syncUserAccess(
  user: User,
  access: { groupIds?: number[]; permissionCodenames?: string[] },
  trx?: TransactionClientContract
): Promise<boolean> {
  return inTransaction(trx, async (client) => {
    const changes: ActivityChanges = {}
    if (access.groupIds) {
      const groupIds = await existingGroupIds(client, access.groupIds)
      const change = await replaceMembers(client, PIVOTS.userGroups, user.id, () => groupIds)
      if (change) changes.groups = change
    }
    if (access.permissionCodenames) {
      const ids = await permissionIds(client, access.permissionCodenames)
      const change = await replaceMembers(client, PIVOTS.userPermissions, user.id, () => [
        ...ids.values(),
      ])
      if (change) changes.permissions = change
    }
    return recordAccessChange(client, { subjectType: 'user', subjectId: user.id, changes })
  })
}

/**
 * Makes `group` hold exactly `permissionCodenames`, and records one "updated" entry for the group
 * with the permission ids before and after. Records nothing and returns false when nothing changed.
 */
export async function syncGroupPermissions(
  group: Group,
  permissionCodenames: string[],
  trx?: TransactionClientContract
): Promise<boolean> {
  return inTransaction(trx, async (client) => {
    const ids = await permissionIds(client, permissionCodenames)
    const change = await replaceMembers(client, PIVOTS.groupPermissions, group.id, () => [
      ...ids.values(),
    ])
    return recordAccessChange(client, {
      subjectType: 'group',
      subjectId: group.id,
      changes: change ? { permissions: change } : {},
    })
  })
}

/**
 * Adds `codenames` to what `subject` (a user or a group) holds directly, keeping what it had:
 * for tests, seeders and commands. Recorded like the sync functions.
 */
export async function grantPermissions(
  subject: User | Group,
  codenames: string[],
  trx?: TransactionClientContract
): Promise<boolean> {
  return inTransaction(trx, async (client) => {
    const pivot = subject instanceof User ? PIVOTS.userPermissions : PIVOTS.groupPermissions
    const granted = await permissionIds(client, codenames)
    const change = await replaceMembers(client, pivot, subject.id, (held) => [
      ...held,
      ...granted.values(),
    ])
    return recordAccessChange(client, {
      subjectType: subject instanceof User ? 'user' : 'group',
      subjectId: subject.id,
      changes: change ? { permissions: change } : {},
    })
  })
}

/**
 * Appends the "updated" entry of a membership change (the Recorded mixin sees column writes, not
 * pivot rows): `changes` maps "groups" or "permissions" to the sorted ids before and after. Does
 * nothing and returns false when `changes` is empty.
 */
export async function recordAccessChange(
  client: TransactionClientContract,
  entry: { subjectType: 'user' | 'group'; subjectId: number; changes: ActivityChanges }
): Promise<boolean> {
  if (Object.keys(entry.changes).length === 0) return false
  await recordActivity(client, { ...entry, projectId: null, action: 'updated' })
  return true
}

/** The ids of `codenames`; throws naming the first one that is not in the catalog. */
async function permissionIds(
  client: QueryClientContract | TransactionClientContract,
  codenames: string[]
): Promise<Map<string, number>> {
  if (codenames.length === 0) return new Map()
  const rows = await client
    .from('permissions')
    .whereIn('codename', [...new Set(codenames)])
    .select('id', 'codename')
  const ids = new Map(rows.map((row) => [row.codename as string, Number(row.id)]))
  const unknown = codenames.find((codename) => !ids.has(codename))
  if (unknown !== undefined) {
    throw new UnknownAccessException(`The permission "${unknown}" does not exist`)
  }
  return ids
}

/** `ids` when every one of them is a group; throws naming the first one that is not. */
async function existingGroupIds(client: TransactionClientContract, ids: number[]) {
  if (ids.length === 0) return []
  const rows = await client
    .from('groups')
    .whereIn('id', [...new Set(ids)])
    .select('id')
  const found = new Set(rows.map((row) => Number(row.id)))
  const unknown = ids.find((id) => !found.has(id))
  if (unknown !== undefined) throw new UnknownAccessException(`The group ${unknown} does not exist`)
  return ids
}

/**
 * Replaces the members of `ownerId` in `pivot` with `wanted(membersNow)`, writing only the
 * difference. Returns the sorted ids before and after, or null when they are the same.
 */
async function replaceMembers(
  client: TransactionClientContract,
  pivot: Pivot,
  ownerId: number,
  wanted: (before: number[]) => number[]
): Promise<[number[], number[]] | null> {
  const rows = await client.from(pivot.table).where(pivot.owner, ownerId).select(pivot.member)
  const before = rows.map((row) => Number(row[pivot.member])).sort((a, b) => a - b)
  const after = [...new Set(wanted(before))].sort((a, b) => a - b)
  const removed = before.filter((id) => !after.includes(id))
  const added = after.filter((id) => !before.includes(id))
  if (removed.length === 0 && added.length === 0) return null

  if (removed.length > 0) {
    await client
      .from(pivot.table)
      .where(pivot.owner, ownerId)
      .whereIn(pivot.member, removed)
      .delete()
  }
  if (added.length > 0) {
    // A link another request wrote meanwhile is the same link: it stays, once.
    await client
      .table(pivot.table)
      .multiInsert(added.map((id) => ({ [pivot.owner]: ownerId, [pivot.member]: id })))
      .onConflict([pivot.owner, pivot.member])
      .ignore()
  }
  return [before, after]
}
