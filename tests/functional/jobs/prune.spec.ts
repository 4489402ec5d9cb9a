import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import UserSession from '#models/user_session'
import PasswordResetToken from '#models/password_reset_token'
import ProjectInvitation from '#models/project_invitation'
import { keepCompletedDays } from '#config/queue'
import { JOBS_TABLE } from '#queue/durable_knex_adapter'
import { STALE_AFTER_DAYS } from '#services/accounts/session_tracker'
import PruneRateLimitsJob from '#jobs/prune_rate_limits_job'
import PruneCompletedJobsJob from '#jobs/prune_completed_jobs_job'
import PruneStaleSessionsJob from '#jobs/prune_stale_sessions_job'
import PruneIdempotencyKeysJob from '#jobs/prune_idempotency_keys_job'
import PruneRememberMeTokensJob from '#jobs/prune_remember_me_tokens_job'
import PruneExpiredInvitationsJob from '#jobs/prune_expired_invitations_job'
import PrunePasswordResetTokensJob from '#jobs/prune_password_reset_tokens_job'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'

const DAY_MS = 86_400_000

/** Ids of a table's rows, sorted. */
async function idsOf(table: string, column = 'id'): Promise<(string | number)[]> {
  const rows = await db.from(table).select(column).orderBy(column)
  return rows.map((row) => (typeof row[column] === 'string' ? row[column] : Number(row[column])))
}

/** A tracked session of `user` last seen `daysAgo` days ago. */
function sessionSeen(user: User, daysAgo: number) {
  return UserSession.create({
    userId: user.id,
    keyHash: randomUUID().replaceAll('-', '').padEnd(64, '0'),
    lastSeenAt: DateTime.now().minus({ days: daysAgo }),
  })
}

/** A password reset token expiring `minutes` from now (negative: expired), used or not. */
function resetToken(user: User, minutes: number, used: boolean) {
  return PasswordResetToken.create({
    userId: user.id,
    tokenHash: randomUUID().replaceAll('-', '').padEnd(64, '0'),
    expiresAt: DateTime.now().plus({ minutes }),
    usedAt: used ? DateTime.now().minus({ minutes: 1 }) : null,
  })
}

test.group('Scheduled tasks | pruning', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('deletes the session rows unseen for longer than "remember me" lasts, of every user', async ({
    assert,
  }) => {
    const [ada, grace] = await UserFactory.createMany(2)
    await sessionSeen(ada, STALE_AFTER_DAYS + 1)
    await sessionSeen(grace, STALE_AFTER_DAYS + 30)
    const kept = [
      await sessionSeen(ada, STALE_AFTER_DAYS - 1),
      await sessionSeen(ada, 0),
      await sessionSeen(grace, 2),
    ]

    await PruneStaleSessionsJob.dispatch({})

    assert.deepEqual(
      await idsOf('user_sessions'),
      kept.map((row) => row.id).sort((a, b) => a - b)
    )
  })

  test('deletes expired "remember me" tokens and keeps the valid ones', async ({ assert }) => {
    const [ada, grace] = await UserFactory.createMany(2)
    await User.rememberMeTokens.create(ada, -60)
    await User.rememberMeTokens.create(grace, -3 * 86_400)
    const valid = [
      await User.rememberMeTokens.create(ada, 3600),
      await User.rememberMeTokens.create(grace, 30 * 86_400),
    ]

    await PruneRememberMeTokensJob.dispatch({})

    assert.deepEqual(
      await idsOf('remember_me_tokens'),
      valid.map((token) => Number(token.identifier))
    )
  })

  test('deletes expired password reset tokens, used or not, and keeps the unexpired', async ({
    assert,
  }) => {
    const user = await UserFactory.create()
    await resetToken(user, -1, false)
    await resetToken(user, -120, true)
    const kept = [await resetToken(user, 30, false), await resetToken(user, 45, true)]

    await PrunePasswordResetTokensJob.dispatch({})

    assert.deepEqual(
      await idsOf('password_reset_tokens'),
      kept.map((row) => row.id)
    )
  })

  test('deletes expired invitations with an activity entry each, and keeps the open ones', async ({
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const invite = (email: string, days: number) =>
      ProjectInvitation.create({
        projectId: project.id,
        email,
        role: 'viewer',
        tokenHash: randomUUID().replaceAll('-', '').padEnd(64, '0'),
        invitedById: users.owner.id,
        expiresAt: DateTime.now().plus({ days }),
      })
    const expired = [await invite('gone@example.com', -1), await invite('old@example.com', -30)]
    const open = await invite('soon@example.com', 1)

    await PruneExpiredInvitationsJob.dispatch({})

    assert.deepEqual(await idsOf('project_invitations'), [open.id])
    const deletions = await db
      .from('activities')
      .where({ subject_type: 'project_invitation', action: 'deleted' })
      .orderBy('subject_id')
      .select('subject_id', 'project_id')
    assert.deepEqual(
      deletions,
      expired
        .map((row) => ({ subject_id: String(row.id), project_id: project.id }))
        .sort((a, b) => a.subject_id.localeCompare(b.subject_id))
    )
  })

  test('deletes rate-limit counters whose window is over, keeping live and endless ones', async ({
    assert,
  }) => {
    const now = Date.now()
    await db.table('rate_limits').multiInsert([
      { key: 'login_over', points: 5, expire: now - 1000 },
      { key: 'reset_over', points: 1, expire: now - DAY_MS },
      { key: 'login_live', points: 2, expire: now + 60_000 },
      { key: 'blocked_forever', points: 9, expire: null },
    ])

    await PruneRateLimitsJob.dispatch({})

    assert.deepEqual(await idsOf('rate_limits', 'key'), ['blocked_forever', 'login_live'])
  })

  test('deletes expired idempotency keys and keeps the unexpired', async ({ assert }) => {
    const user = await UserFactory.create()
    const key = (name: string, expiresInMs: number) => ({
      user_id: user.id,
      key: name,
      fingerprint: 'f'.repeat(64),
      claim: randomUUID(),
      status: 201,
      body: '{}',
      headers: '{}',
      created_at: new Date(Date.now() - DAY_MS),
      expires_at: new Date(Date.now() + expiresInMs),
    })
    await db
      .table('api_idempotency_keys')
      .multiInsert([
        key('expired-1', -1000),
        key('expired-2', -DAY_MS),
        key('kept-1', 60_000),
        key('kept-2', DAY_MS),
      ])

    await PruneIdempotencyKeysJob.dispatch({})

    const rows = await db.from('api_idempotency_keys').orderBy('key').select('key')
    assert.deepEqual(
      rows.map((row) => row.key),
      ['kept-1', 'kept-2']
    )
  })

  test('deletes completed jobs finished before QUEUE_KEEP_COMPLETED_DAYS, nothing else', async ({
    assert,
  }) => {
    const now = Date.now()
    const job = (id: string, status: string, finishedDaysAgo: number | null) => ({
      id,
      queue: 'default',
      status,
      data: JSON.stringify({ id, name: 'SendMailJob', payload: {}, attempts: 0 }),
      finished_at: finishedDaysAgo === null ? null : now - finishedDaysAgo * DAY_MS,
    })
    await db
      .table(JOBS_TABLE)
      .multiInsert([
        job('done-long-ago', 'completed', keepCompletedDays + 1),
        job('done-ages-ago', 'completed', keepCompletedDays + 30),
        job('done-recently', 'completed', keepCompletedDays - 1),
        job('failed-long-ago', 'failed', keepCompletedDays + 1),
        job('waiting', 'pending', null),
      ])

    await PruneCompletedJobsJob.dispatch({})

    assert.deepEqual(await idsOf(JOBS_TABLE), ['done-recently', 'failed-long-ago', 'waiting'])
  })
})
