/** Which server a measurement is of: Atrium, or the frameworkless ceiling. */
export type Target = 'atrium' | 'ceiling'

/** One measurement of the run: a workload on one server, in one round. */
export type Step = { round: number; key: string; target: Target }

/**
 * The order of a run's measurements. Rounds interleave the workloads, so that a busy moment of a
 * shared machine hits them all; within a round a workload with a ceiling is measured on Atrium,
 * then at once on the ceiling, so each workload alternates A B A B A B over three rounds.
 */
export function roundPlan(keys: string[], rounds: number, ceilingKeys: string[]): Step[] {
  const steps: Step[] = []
  for (let round = 1; round <= rounds; round++) {
    for (const key of keys) {
      steps.push({ round, key, target: 'atrium' })
      if (ceilingKeys.includes(key)) steps.push({ round, key, target: 'ceiling' })
    }
  }
  return steps
}

/** Atrium ÷ ceiling: the share of the ceiling's throughput Atrium reaches; null without both. */
export function ceilingRatio(atrium: number | null, ceiling: number | null): number | null {
  if (atrium === null || ceiling === null || ceiling <= 0) return null
  return atrium / ceiling
}
