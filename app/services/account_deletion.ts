import type User from '#models/user'
import db from '@adonisjs/lucid/services/db'

/**
 * Deletes an account and what belongs only to it, in one transaction: its sessions, "remember me"
 * tokens and password reset tokens go with it (the foreign keys cascade). Records other people
 * share (projects, comments) are handled by the features that own them as they arrive.
 */
export async function deleteAccount(user: User): Promise<void> {
  await db.transaction(async (trx) => {
    user.useTransaction(trx)
    await user.delete()
  })
}
