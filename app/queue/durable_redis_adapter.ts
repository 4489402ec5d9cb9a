import type { Redis } from 'ioredis'
import { RedisAdapter } from '@boringnode/queue/drivers/redis_adapter'
import { REDIS_JOB_STORAGE_LUA } from '@boringnode/queue/drivers/redis_job_storage'
import { stalledErrorParts } from '#queue/stalled'
import { OVERLAY_LAST_ERROR, QUEUE_KEYS_LUA, redisQueueKeyList } from '#queue/redis_queue_keys'

/**
 * Puts the running jobs whose claim is older than the threshold back in line, counting the stop
 * in the job's overlay as the library does. A job stopped more often than allowed is finalized as
 * failed the way the library's FINALIZE script does with retention kept: out of the active hash,
 * `{ finishedAt, error }` in the failed hash, its id in the failed index; its data, overlay and
 * deduplication pointer stay. Returns how many went back in line.
 *
 * ARGV: now, stalled threshold (ms), most stops allowed, error text before and after the count.
 */
const RECOVER_STALLED_JOBS_SCRIPT = `
${QUEUE_KEYS_LUA}
  local now = tonumber(ARGV[1])
  local stalled_cutoff = now - tonumber(ARGV[2])
  local max_stalled_count = tonumber(ARGV[3])
  local error_before = ARGV[4]
  local error_after = ARGV[5]

${REDIS_JOB_STORAGE_LUA}

  local recovered = 0
  local active_jobs = redis.call('HGETALL', active_key)
  for i = 1, #active_jobs, 2 do
    local job_id = active_jobs[i]
    local active = cjson.decode(active_jobs[i + 1])
    if active.acquiredAt < stalled_cutoff then
      local job_data = redis.call('HGET', data_key, job_id)
      if job_data then
        local job = cjson.decode(job_data)
        local overlay = read_job_overlay(overlay_key, job_id)
        local stalled_count = (overlay.stalledCount or job.stalledCount or 0) + 1
        overlay.stalledCount = stalled_count
        redis.call('HDEL', active_key, job_id)

        if stalled_count > max_stalled_count then
          local message = error_before .. string.format('%d', stalled_count) .. error_after
          overlay.${OVERLAY_LAST_ERROR} = message
          write_job_overlay(overlay_key, job_id, overlay)
          redis.call('HSET', failed_key, job_id, cjson.encode({ finishedAt = now, error = message }))
          redis.call('ZADD', failed_index_key, now, job_id)
        else
          write_job_overlay(overlay_key, job_id, overlay)
          local priority = job.priority or 5
          redis.call('ZADD', pending_key, priority * 10000000000000 + now, job_id)
          recovered = recovered + 1
        end
      end
    end
  end

  return recovered
`

/**
 * The queue library's Redis adapter, with one change: a job whose worker died more often than
 * the limit is kept as failed, with the reason, instead of being deleted (the library deletes it,
 * so a job that keeps killing its worker vanishes without a trace). The database's counterpart
 * is `DurableKnexAdapter`.
 */
export class DurableRedisAdapter extends RedisAdapter {
  #connection: Redis

  constructor(connection: Redis) {
    super(connection, false)
    this.#connection = connection
  }

  async recoverStalledJobs(queue: string, stalledThreshold: number, maxStalledCount: number) {
    const keys = redisQueueKeyList(queue)
    const recovered = await this.#connection.eval(
      RECOVER_STALLED_JOBS_SCRIPT,
      keys.length,
      ...keys,
      Date.now().toString(),
      stalledThreshold.toString(),
      maxStalledCount.toString(),
      ...stalledErrorParts()
    )
    return Number(recovered)
  }
}
