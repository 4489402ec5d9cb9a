import { isDeepStrictEqual } from 'node:util'
import type { Visitor } from './visitor.ts'
import type { Workload } from './workloads.ts'

/** The workloads the ceiling answers: the tasks list, a task, creating a task, the login HTML. */
export const CEILING_KEYS = ['W1', 'W2', 'W3', 'W5']

/**
 * Props that say when the page was read (for live pages' catch-up): two servers agree on them
 * when both send a time, whatever the time.
 */
export const MOMENT_PROPS = ['readAt']

/** The first prop whose value differs between two page objects' props, or null when equal. */
export function differingProp(
  atrium: Record<string, unknown>,
  ceiling: Record<string, unknown>
): string | null {
  const keys = new Set([...Object.keys(atrium), ...Object.keys(ceiling)])
  for (const key of keys) {
    if (MOMENT_PROPS.includes(key)) {
      if (typeof atrium[key] !== 'number' || typeof ceiling[key] !== 'number') return key
      continue
    }
    if (!isDeepStrictEqual(atrium[key], ceiling[key])) return key
  }
  return null
}

async function samePage(atrium: Visitor, ceiling: Visitor, path: string) {
  const [mine, theirs] = await Promise.all([atrium.visit(path), ceiling.visit(path)])
  if (mine.component !== theirs.component) {
    return `component ${theirs.component} instead of ${mine.component}`
  }
  const prop = differingProp(mine.props, theirs.props)
  return prop === null ? null : `the prop "${prop}" differs`
}

async function sameRedirect(atrium: Visitor, ceiling: Visitor, workload: Workload) {
  const post = (visitor: Visitor, headers: Record<string, string>) =>
    visitor.request(workload.path, { method: 'POST', headers, body: workload.body })
  const ceilingHeaders = {
    ...workload.headers,
    'cookie': ceiling.cookie,
    'x-xsrf-token': ceiling.xsrfToken,
  }
  const [mine, theirs] = await Promise.all([
    post(atrium, { ...workload.headers, cookie: atrium.cookie }),
    post(ceiling, ceilingHeaders),
  ])
  const where = (response: Response) => `${response.status} ${response.headers.get('location')}`
  if (where(mine) !== where(theirs)) return `answered ${where(theirs)} instead of ${where(mine)}`
  return samePage(atrium, ceiling, mine.headers.get('location')!)
}

/**
 * Checks that the ceiling answers a workload with Atrium's data, before either is measured: the
 * same props for the pages (W1, W2; the shared props included), the same redirect and the same
 * page after it for a create (W3), and Atrium's login HTML (W5). Null when both agree.
 */
export async function compareWithCeiling(options: {
  workload: Workload
  atrium: Visitor
  ceiling: Visitor
  loginHtml: string
}): Promise<string | null> {
  const { workload, atrium, ceiling } = options
  if (workload.key === 'W3') return sameRedirect(atrium, ceiling, workload)
  if (workload.key === 'W5') {
    const response = await fetch(`${ceiling.baseUrl}${workload.path}`, {
      headers: workload.headers,
    })
    return (await response.text()) === options.loginHtml ? null : 'not the login page’s bytes'
  }
  return samePage(atrium, ceiling, workload.path)
}
