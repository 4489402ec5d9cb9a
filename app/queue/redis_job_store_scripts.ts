import { REDIS_JOB_STORAGE_LUA } from '@boringnode/queue/drivers/redis_job_storage'
import { OVERLAY_LAST_ERROR, OVERLAY_PROGRESS, QUEUE_KEYS_LUA } from '#queue/redis_queue_keys'

/*
 * The Lua scripts of the Redis job store. Each runs on one queue's nine keys (`QUEUE_KEYS_LUA`),
 * atomically, so a job is never read or changed halfway through a move of the library's.
 */

/** Common opening: the keys, the library's overlay helpers and Atrium's job helpers. */
const PRELUDE = `
${QUEUE_KEYS_LUA}
${REDIS_JOB_STORAGE_LUA}

  -- A job as raw parts (decoded by the store), or nil when it has no data or no state.
  -- The state is read in the order of the library's GET_JOB script.
  local function describe_job(job_id)
    local job_data = redis.call('HGET', data_key, job_id)
    if not job_data then
      return nil
    end
    local job = { id = job_id, data = job_data }
    local overlay = redis.call('HGET', overlay_key, job_id)
    if overlay then
      job.overlay = overlay
    end
    local active = redis.call('HGET', active_key, job_id)
    if active then
      job.state = 'active'
      job.active = active
      return job
    end
    if redis.call('ZSCORE', pending_key, job_id) then
      job.state = 'pending'
      return job
    end
    local run_at = redis.call('ZSCORE', delayed_key, job_id)
    if run_at then
      job.state = 'delayed'
      job.runAt = run_at
      return job
    end
    local completed = redis.call('HGET', completed_key, job_id)
    if completed then
      job.state = 'completed'
      job.record = completed
      return job
    end
    local failed = redis.call('HGET', failed_key, job_id)
    if failed then
      job.state = 'failed'
      job.record = failed
      return job
    end
    return nil
  end

  -- Deletes the deduplication pointer of a job when it still points to it (as the library does).
  local function delete_dedup_pointer(job_id, dedup_prefix)
    local job_data = redis.call('HGET', data_key, job_id)
    if not job_data then
      return
    end
    local ok, job = pcall(cjson.decode, job_data)
    if ok and type(job) == 'table' and type(job.dedup) == 'table' and job.dedup.id then
      local pointer = dedup_prefix .. job.dedup.id
      if redis.call('GET', pointer) == job_id then
        redis.call('DEL', pointer)
      end
    end
  end
`

/**
 * One state's first `limit` jobs in list order (pending: next to run first; the others: newest
 * first), with the state's total. Running jobs come all, unordered (the store orders them).
 * ARGV: state, limit. Returns JSON { total, jobs: [{ ..., sortKey }] }.
 */
export const LIST_JOBS_SCRIPT = `
${PRELUDE}
  local state = ARGV[1]
  local limit = tonumber(ARGV[2])
  local entries = {}
  local total = 0

  if state == 'active' then
    local all = redis.call('HGETALL', active_key)
    total = #all / 2
    for i = 1, #all, 2 do
      entries[#entries + 1] = { all[i], '0' }
    end
  else
    local sets = {
      pending = pending_key,
      delayed = delayed_key,
      completed = completed_index_key,
      failed = failed_index_key,
    }
    local set = sets[state]
    total = redis.call('ZCARD', set)
    if limit > 0 then
      local command = state == 'pending' and 'ZRANGE' or 'ZREVRANGE'
      local range = redis.call(command, set, 0, limit - 1, 'WITHSCORES')
      for i = 1, #range, 2 do
        entries[#entries + 1] = { range[i], range[i + 1] }
      end
    end
  end

  local jobs = {}
  for i = 1, #entries do
    local job = describe_job(entries[i][1])
    if job and job.state == state then
      job.sortKey = entries[i][2]
      jobs[#jobs + 1] = job
    end
  end
  return cjson.encode({ total = total, jobs = jobs })
`

/** One job, as JSON, or nil. ARGV: id. */
export const FIND_JOB_SCRIPT = `
${PRELUDE}
  local job = describe_job(ARGV[1])
  if not job then
    return nil
  end
  return cjson.encode(job)
`

/**
 * Puts failed jobs back in line as fresh: out of the failed hash and index, attempts and stops
 * back to 0, progress and last error cleared, scored as the library scores a new job.
 * ARGV: now, ids... Returns how many.
 */
export const RETRY_FAILED_JOBS_SCRIPT = `
${PRELUDE}
  local now = tonumber(ARGV[1])
  local retried = 0
  for i = 2, #ARGV do
    local job_id = ARGV[i]
    local job_data = redis.call('HGET', data_key, job_id)
    if job_data and redis.call('HEXISTS', failed_key, job_id) == 1 then
      redis.call('HDEL', failed_key, job_id)
      redis.call('ZREM', failed_index_key, job_id)
      local overlay = read_job_overlay(overlay_key, job_id)
      overlay.attempts = 0
      overlay.stalledCount = 0
      overlay.${OVERLAY_PROGRESS} = nil
      overlay.${OVERLAY_LAST_ERROR} = nil
      write_job_overlay(overlay_key, job_id, overlay)
      local job = cjson.decode(job_data)
      local priority = job.priority or 5
      redis.call('ZADD', pending_key, priority * 10000000000000 + now, job_id)
      retried = retried + 1
    end
  end
  return retried
`

/**
 * Deletes jobs that are not running, from every state, with their data, overlay and
 * deduplication pointer. ARGV: absolute dedup prefix, ids... Returns how many.
 */
export const DISCARD_JOBS_SCRIPT = `
${PRELUDE}
  local dedup_prefix = ARGV[1]
  local discarded = 0
  for i = 2, #ARGV do
    local job_id = ARGV[i]
    if redis.call('HEXISTS', active_key, job_id) == 0 and describe_job(job_id) then
      redis.call('ZREM', pending_key, job_id)
      redis.call('ZREM', delayed_key, job_id)
      redis.call('HDEL', completed_key, job_id)
      redis.call('ZREM', completed_index_key, job_id)
      redis.call('HDEL', failed_key, job_id)
      redis.call('ZREM', failed_index_key, job_id)
      delete_dedup_pointer(job_id, dedup_prefix)
      delete_job_data(data_key, overlay_key, job_id)
      discarded = discarded + 1
    end
  end
  return discarded
`

/**
 * Deletes up to `batch` completed jobs finished before `before` (exclusive), with their data,
 * overlay and deduplication pointer. ARGV: before (ms), batch, absolute dedup prefix.
 * Returns how many.
 */
export const PRUNE_COMPLETED_SCRIPT = `
${PRELUDE}
  local before = ARGV[1]
  local batch = tonumber(ARGV[2])
  local dedup_prefix = ARGV[3]
  local ids = redis.call('ZRANGEBYSCORE', completed_index_key, '-inf', '(' .. before, 'LIMIT', 0, batch)
  for i = 1, #ids do
    local job_id = ids[i]
    redis.call('ZREM', completed_index_key, job_id)
    redis.call('HDEL', completed_key, job_id)
    if describe_job(job_id) == nil then
      delete_dedup_pointer(job_id, dedup_prefix)
      delete_job_data(data_key, overlay_key, job_id)
    end
  end
  return #ids
`

/**
 * Sets one of Atrium's overlay fields of a job that exists, whatever its state.
 * ARGV: id, field, value, 'number' or 'string'.
 */
export const SET_OVERLAY_FIELD_SCRIPT = `
${PRELUDE}
  local job_id = ARGV[1]
  if redis.call('HEXISTS', data_key, job_id) == 0 then
    return 0
  end
  local overlay = read_job_overlay(overlay_key, job_id)
  if ARGV[4] == 'number' then
    overlay[ARGV[2]] = tonumber(ARGV[3])
  else
    overlay[ARGV[2]] = ARGV[3]
  end
  write_job_overlay(overlay_key, job_id, overlay)
  return 1
`
