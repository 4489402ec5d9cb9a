import type { ArrayLiteralExpression } from 'ts-morph'
import type { ResourceNames } from '#scaffold/resource_names'
import { humanize } from '#scaffold/resource'
import { type TsProject, editSource } from '#scaffold/ts_source'

/** The file holding the navigation's links to scaffolded resources. */
export const RESOURCE_LINKS_PATH = 'inertia/lib/resource_links.ts'

/**
 * The source of `inertia/lib/resource_links.ts` with a link to the resource's list: a project's
 * tab (`projectResourceLinks`) or an item of the main menu (`userResourceLinks`), added to the
 * list's array through the ts-morph `project`. It imports the URL builder when the file does not
 * yet.
 */
export function addResourceLink(
  project: TsProject,
  path: string,
  source: string,
  names: ResourceNames
): string {
  const list = names.scope === 'project' ? 'projectResourceLinks' : 'userResourceLinks'
  const href =
    names.scope === 'project'
      ? `(projectId) => urlFor('${names.routePrefix}.index', { projectId })`
      : `() => urlFor('${names.routePrefix}.index')`
  const entry = `{ key: '${names.plural}', label: '${humanize(names.pluralLabel)}', href: ${href} }`

  return editSource(project, path, source, (file) => {
    const links = file.getVariableDeclaration(list)
    if (!links) {
      throw new Error(`${RESOURCE_LINKS_PATH} does not declare "${list}": add the link by hand`)
    }
    const array = links.getInitializer()
    if (array?.getKindName() !== 'ArrayLiteralExpression') {
      throw new Error(`${RESOURCE_LINKS_PATH}: "${list}" is not an array literal`)
    }
    ;(array as ArrayLiteralExpression).addElement(entry, { useNewLines: true })

    const client = file.getImportDeclaration('~/lib/client')
    if (!client) {
      file.insertImportDeclaration(0, { namedImports: ['urlFor'], moduleSpecifier: '~/lib/client' })
    } else if (!client.getNamedImports().some((named) => named.getName() === 'urlFor')) {
      client.addNamedImport('urlFor')
    }
  })
}
