/**
 * The error kept on a job whose worker stopped (crashed, killed, lost its connection) more times
 * than the queue allows: the job is failed with it, never dropped.
 */
export function stalledError(times: number): string {
  return `The worker running this job stopped ${times} times before it finished (killed or crashed); retry it once the cause is fixed.`
}
