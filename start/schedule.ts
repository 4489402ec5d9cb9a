/*
|--------------------------------------------------------------------------
| Scheduled tasks
|--------------------------------------------------------------------------
|
| Every task Atrium runs on a schedule, and nothing else: each queue worker
| (`node ace queue:work`) writes this list to the queue's storage when it
| starts (syncSchedules in app/queue/schedules.ts), deleting the stored
| schedules no longer listed here. Whichever worker finds a schedule due
| first claims it and enqueues its job, once per run however many workers
| there are. Cron expressions are in UTC; `every` takes '10m', '1h'.
| `node ace schedule:list` shows them with their next and last runs.
|
*/

import { scheduled } from '#queue/schedule_declaration'
import PruneRateLimitsJob from '#jobs/prune_rate_limits_job'
import PruneExportsJob from '#jobs/prune_exports_job'
import PruneCompletedJobsJob from '#jobs/prune_completed_jobs_job'
import PruneStaleSessionsJob from '#jobs/prune_stale_sessions_job'
import PruneIdempotencyKeysJob from '#jobs/prune_idempotency_keys_job'
import PruneRememberMeTokensJob from '#jobs/prune_remember_me_tokens_job'
import PruneExpiredInvitationsJob from '#jobs/prune_expired_invitations_job'
import PrunePasswordResetTokensJob from '#jobs/prune_password_reset_tokens_job'

export const schedules = [
  scheduled({
    id: 'prune-rate-limits',
    job: PruneRateLimitsJob,
    payload: {},
    every: '10m',
    description: 'Delete rate-limit counters whose window is over',
  }),
  scheduled({
    id: 'prune-idempotency-keys',
    job: PruneIdempotencyKeysJob,
    payload: {},
    cron: '*/10 * * * *',
    description: 'Delete expired API Idempotency-Keys',
  }),
  scheduled({
    id: 'prune-stale-sessions',
    job: PruneStaleSessionsJob,
    payload: {},
    cron: '7 * * * *',
    description: 'Delete the rows of sessions unseen for longer than "remember me" lasts',
  }),
  scheduled({
    id: 'prune-remember-me-tokens',
    job: PruneRememberMeTokensJob,
    payload: {},
    cron: '13 * * * *',
    description: 'Delete expired "remember me" tokens',
  }),
  scheduled({
    id: 'prune-password-reset-tokens',
    job: PrunePasswordResetTokensJob,
    payload: {},
    cron: '19 * * * *',
    description: 'Delete expired password reset tokens',
  }),
  scheduled({
    id: 'prune-expired-invitations',
    job: PruneExpiredInvitationsJob,
    payload: {},
    cron: '29 * * * *',
    description: 'Delete project invitations whose link expired',
  }),
  scheduled({
    id: 'prune-completed-jobs',
    job: PruneCompletedJobsJob,
    payload: {},
    cron: '41 * * * *',
    description: 'Delete completed jobs older than QUEUE_KEEP_COMPLETED_DAYS',
  }),
  scheduled({
    id: 'prune-exports',
    job: PruneExportsJob,
    payload: {},
    cron: '47 * * * *',
    description: 'Delete admin export files whose download time is over, then their records',
  }),
]
