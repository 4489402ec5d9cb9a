import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'
import packageJson from '../../package.json' with { type: 'json' }

/** The folders of server code whose imports are checked. */
const SERVER_FOLDERS = ['app', 'shared', 'tooling', 'start', 'config', 'commands', 'database']

/** The aliases of the tooling rooms: code that only `node ace` commands run. */
const TOOLING_ALIASES = Object.entries(packageJson.imports)
  .filter(([, target]) => target.startsWith('./tooling/'))
  .map(([alias]) => alias.replace('/*', '/'))

/** Any static or dynamic import, or a re-export from another module. */
const IMPORT = /(?:^|\n)\s*(?:import|export)[^\n]*\sfrom\s|import\(|^import\s+'/m

/** An import or re-export of types only: erased, so no server code reaches the browser. */
const TYPE_IMPORT = /^(?:import|export) type [^;]*?from\s*'[^']+'/gm

/** Every source file under `folder` (.ts unless `pattern` says), as paths from the app root. */
async function sourceFiles(folder: string, pattern = /\.ts$/): Promise<string[]> {
  const root = app.makePath(folder)
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => relative(app.makePath(), join(entry.parentPath, entry.name)))
    .sort()
}

/** The file an `#alias/...` specifier names, relative to the app root, or null for packages. */
function resolveAlias(specifier: string): string | null {
  for (const [alias, target] of Object.entries(packageJson.imports)) {
    const prefix = alias.replace('*', '')
    if (!specifier.startsWith(prefix)) continue
    return target
      .replace('./', '')
      .replace('*', specifier.slice(prefix.length))
      .replace(/\.js$/, '.ts')
  }
  return null
}

/** The static and dynamic `#alias` imports of a file's source (template strings left out). */
function aliasImportsOf(source: string): string[] {
  const code = source.replace(/`(?:\\[\s\S]|\$\{[^}]*\}|[^`\\])*`/g, '``')
  const found = code.matchAll(/(?:from|import\()\s*'(#[^']+)'/g)
  return [...found].map((match) => match[1])
}

/** The import graph of the server code: file → files it imports through aliases. */
async function importGraph(): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>()
  for (const folder of SERVER_FOLDERS) {
    for (const file of await sourceFiles(folder)) {
      const source = await readFile(app.makePath(file), 'utf8')
      const targets = aliasImportsOf(source)
        .map(resolveAlias)
        .filter((target): target is string => target !== null)
      graph.set(file, targets)
    }
  }
  return graph
}

/** The import cycles of `graph`, each as the files it passes through (Tarjan's components). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  let index = 0
  const indexes = new Map<string, number>()
  const lowLinks = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []

  const visit = (file: string) => {
    indexes.set(file, index)
    lowLinks.set(file, index)
    index++
    stack.push(file)
    onStack.add(file)
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue
      if (!indexes.has(target)) {
        visit(target)
        lowLinks.set(file, Math.min(lowLinks.get(file)!, lowLinks.get(target)!))
      } else if (onStack.has(target)) {
        lowLinks.set(file, Math.min(lowLinks.get(file)!, indexes.get(target)!))
      }
    }
    if (lowLinks.get(file) !== indexes.get(file)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== file)
    if (component.length > 1) cycles.push(component.sort())
  }

  for (const file of graph.keys()) if (!indexes.has(file)) visit(file)
  return cycles
}

/**
 * A write to project_members that goes around the `ProjectMember` model: a query builder chain on
 * the table ending in a write, or the pivot of a project's or user's members.
 */
const RAW_MEMBERSHIP_WRITE =
  /(?:from|table|into)\(\s*'project_members'\s*\)(?:\s*\.\w+\((?:[^()]|\([^()]*\))*\))*?\s*\.(?:insert|multiInsert|update|delete|del)\(|related\(\s*'(?:members|projects)'\s*\)\s*\.(?:attach|detach|sync)\(/

/** The bulk loaders of benchmark data, allowed to write rows in bulk around the models. */
const BULK_LOADERS = /^tooling\/sample_data\//

test.group('Architecture', () => {
  test('the request path (app, start, config) never imports the tooling rooms', async ({
    assert,
  }) => {
    assert.isAbove(TOOLING_ALIASES.length, 0)
    const graph = await importGraph()
    const offenders = [...graph.entries()]
      .filter(([file]) => /^(app|start|config)\//.test(file))
      .flatMap(([file, targets]) =>
        targets.filter((target) => target.startsWith('tooling/')).map((t) => `${file} → ${t}`)
      )
    assert.deepEqual(offenders, [])
  })

  test('server code has no import loop outside the models', async ({ assert }) => {
    const graph = await importGraph()
    const loops = cyclesOf(graph).filter(
      (cycle) => !cycle.every((file) => file.startsWith('app/models/'))
    )
    assert.deepEqual(loops, [])
  })

  test('finds an import loop when there is one', ({ assert }) => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts', 'c.ts']],
      ['c.ts', []],
    ])
    assert.deepEqual(cyclesOf(graph), [['a.ts', 'b.ts']])
  })

  test('shared modules import nothing, so the server and the pages can both use them', async ({
    assert,
  }) => {
    const files = await sourceFiles('shared')
    assert.isAbove(files.length, 0)
    const importing = []
    for (const file of files) {
      const source = await readFile(app.makePath(file), 'utf8')
      if (IMPORT.test(source)) importing.push(file)
    }
    assert.deepEqual(importing, [])
  })

  test('pages and components import no server code, only shared modules and types', async ({
    assert,
  }) => {
    const files = await sourceFiles('inertia', /(?<!\.d)\.tsx?$/)
    assert.isAbove(files.length, 0)
    const offenders = []
    for (const file of files) {
      const source = await readFile(app.makePath(file), 'utf8')
      const code = source.replace(TYPE_IMPORT, '')
      const specifiers = [...code.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => m[1])
      for (const specifier of specifiers) {
        if (/^#(?!shared\/)|^(\.\.\/)+(app|start|config|database|tooling)\//.test(specifier)) {
          offenders.push(`${file} → ${specifier}`)
        }
      }
    }
    assert.deepEqual(offenders, [])
  })

  test('memberships are written only through the ProjectMember model', async ({ assert }) => {
    const offenders = []
    for (const folder of SERVER_FOLDERS) {
      for (const file of await sourceFiles(folder)) {
        if (BULK_LOADERS.test(file)) continue
        const source = await readFile(app.makePath(file), 'utf8')
        if (RAW_MEMBERSHIP_WRITE.test(source)) offenders.push(file)
      }
    }
    assert.deepEqual(offenders, [])
  })

  test('finds a write to memberships around the model', ({ assert }) => {
    const raw = [
      "client.table('project_members').insert({ project_id: 1, user_id: 2, role })",
      "trx\n  .from('project_members')\n  .where({ project_id: 1, user_id: 2 })\n  .update({ role })",
      "db.from('project_members').where('user_id', id).delete()",
      "await project.related('members').attach({ 2: { role: 'owner' } })",
    ]
    assert.deepEqual(
      raw.map((code) => RAW_MEMBERSHIP_WRITE.test(code)),
      [true, true, true, true]
    )
    const reads = "db.from('project_members').where({ project_id: 1 }).first()"
    assert.isFalse(RAW_MEMBERSHIP_WRITE.test(reads))
  })

  test('every service sits in the folder of its domain', async ({ assert }) => {
    const files = await sourceFiles('app/services')
    assert.isAbove(files.length, 0)
    assert.deepEqual(
      files.filter((file) => file.split('/').length !== 4),
      []
    )
  })
})
