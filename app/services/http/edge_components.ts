import type { Edge } from 'edge.js'

/**
 * Makes Edge list the views' components once instead of on every render. Edge's components plugin
 * refreshes its list from disk (an `existsSync` and a recursive `readdirSync` of each disk's
 * `components` folder) before every render unless the Edge instance was created with caching on;
 * the framework's instance is created without and only configured for caching later, so in
 * production it still lists the folder per request. With compiled templates cached the list
 * cannot change while the process runs: the first list is kept. Use it only when templates are
 * cached (production); in development the folder stays live.
 */
export function listEdgeComponentsOnce(edge: Edge) {
  const loader = edge.loader
  const listFromDisk = loader.listComponents.bind(loader)
  let components: ReturnType<typeof listFromDisk> | undefined
  loader.listComponents = () => (components ??= listFromDisk())
}
