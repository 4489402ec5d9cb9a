import type User from '#models/user'
import Project from '#models/project'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * The projects `user` owns that other people are members of. An account cannot be deleted while
 * it owns one: its members would lose their owner. Ownership must be handed over first.
 */
export async function sharedProjectsOwnedBy(user: User, client?: TransactionClientContract) {
  return Project.query({ client })
    .where('owner_id', user.id)
    .whereExists((query) =>
      query
        .from('project_members')
        .whereColumn('project_members.project_id', 'projects.id')
        .whereNot('project_members.user_id', user.id)
    )
    .orderBy('name')
}

/**
 * Deletes an account and what belongs only to it, in one transaction: the projects where it is
 * the only member (with their tasks, labels and comments), its memberships, sessions, "remember
 * me" and password reset tokens. Comments it wrote in other people's projects go with it; tasks
 * assigned to it become unassigned; the activity record keeps its entries without an author.
 * Returns false, changing nothing, while it owns projects shared with others.
 */
export async function deleteAccount(user: User): Promise<boolean> {
  return db.transaction(async (trx) => {
    const shared = await sharedProjectsOwnedBy(user, trx)
    if (shared.length > 0) return false

    const soleProjects = await Project.query({ client: trx }).where('owner_id', user.id)
    for (const project of soleProjects) await project.delete()

    user.useTransaction(trx)
    await user.delete()
    return true
  })
}
