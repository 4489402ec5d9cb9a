import type { LucidRow } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AdminContext } from '#admin/admin_context'
import type { PermissionAction } from '#admin/permissions'

/**
 * An action run on the rows selected in a change list, as Django's admin actions. It runs in one
 * transaction: the rows are loaded through it, and a failure changes nothing. The returned text
 * is shown to the user ("3 tasks marked done").
 */
export type BulkAction = {
  name: string
  label: string
  /** The permission on the model a user needs to see and run the action. */
  permission: PermissionAction
  run: (
    rows: LucidRow[],
    context: { admin: AdminContext; trx: TransactionClientContract }
  ) => Promise<string>
}

/** The name of the built-in action, which goes through a confirmation page first. */
export const DELETE_SELECTED = 'delete_selected'
