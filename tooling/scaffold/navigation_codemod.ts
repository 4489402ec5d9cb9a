import type { ResourceNames } from '#scaffold/resource_names'
import { humanize } from '#scaffold/resource'

/** The file holding the navigation's links to scaffolded resources. */
export const RESOURCE_LINKS_PATH = 'inertia/lib/resource_links.ts'

/**
 * The source of `inertia/lib/resource_links.ts` with a link to the resource's list: a project's
 * tab (`projectResourceLinks`) or an item of the main menu (`userResourceLinks`). It imports the
 * URL builder when the file does not yet.
 */
export function addResourceLink(source: string, names: ResourceNames): string {
  const list = names.scope === 'project' ? 'projectResourceLinks' : 'userResourceLinks'
  const href =
    names.scope === 'project'
      ? `(projectId) => urlFor('${names.routePrefix}.index', { projectId })`
      : `() => urlFor('${names.routePrefix}.index')`
  const entry = `  { key: '${names.plural}', label: '${humanize(names.pluralLabel)}', href: ${href} },`

  const lines = source.split('\n')
  const start = lines.findIndex((line) => line.startsWith(`export const ${list}`))
  if (start === -1) {
    throw new Error(`${RESOURCE_LINKS_PATH} does not declare "${list}": add the link by hand`)
  }
  if (lines[start].trimEnd().endsWith('= []')) {
    lines.splice(start, 1, lines[start].trimEnd().replace(/= \[\]$/, '= ['), entry, ']')
  } else {
    const end = lines.findIndex((line, index) => index > start && line.trim() === ']')
    if (end === -1) {
      throw new Error(`${RESOURCE_LINKS_PATH}: the list "${list}" has no closing line "]"`)
    }
    lines.splice(end, 0, entry)
  }
  const updated = lines.join('\n')
  return updated.includes("from '~/lib/client'")
    ? updated
    : `import { urlFor } from '~/lib/client'\n${updated}`
}
