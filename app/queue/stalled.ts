/** Where the number of stops goes in the message. */
const TIMES = '{times}'
const MESSAGE = `The worker running this job stopped ${TIMES} times before it finished (killed or crashed); retry it once the cause is fixed.`

/**
 * The error kept on a job whose worker stopped (crashed, killed, lost its connection) more times
 * than the queue allows: the job is failed with it, never dropped.
 */
export function stalledError(times: number): string {
  return MESSAGE.replace(TIMES, String(times))
}

/** The text before and after the number in `stalledError`, for a script that counts (Lua). */
export function stalledErrorParts(): [before: string, after: string] {
  const [before, after] = MESSAGE.split(TIMES)
  return [before, after]
}
