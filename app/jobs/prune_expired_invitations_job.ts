import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'
import type { NoPayload } from '#queue/schedule_declaration'
import ProjectInvitation from '#models/project_invitation'

/** Invitations deleted per query. */
const BATCH = 200

/**
 * Deletes project invitations whose link expired (accepted and revoked ones are deleted at once,
 * so only open and expired ones are ever stored). Each goes through the model, so the project's
 * activity record shows it ended; one renewed meanwhile (invited again) is open, and kept.
 */
export default class PruneExpiredInvitationsJob extends AppJob<NoPayload> {
  static options: JobOptions = { name: 'PruneExpiredInvitationsJob' }

  protected async handle() {
    let deleted = 0
    while (true) {
      const ids = await ProjectInvitation.query()
        .withScopes((scopes) => scopes.expired())
        .orderBy('id')
        .limit(BATCH)
        .select('id')
      for (const { id } of ids) if (await deleteIfExpired(id)) deleted++
      if (ids.length < BATCH) break
    }
    logger.info({ deleted }, 'pruned expired project invitations')
  }
}

/** Deletes one invitation if it is still expired, with its activity entry. */
async function deleteIfExpired(id: number): Promise<boolean> {
  return db.transaction(async (trx) => {
    const invitation = await ProjectInvitation.query({ client: trx })
      .where('id', id)
      .withScopes((scopes) => scopes.expired())
      .forUpdate()
      .first()
    if (!invitation) return false
    await invitation.delete()
    return true
  })
}
