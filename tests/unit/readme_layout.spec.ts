import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'

/** The folders whose own folders README's layout section names, one line each. */
const DESCRIBED = ['app', 'inertia', 'tooling']

/** The folders README's layout section names at the top level. */
const TOP_LEVEL = [
  'app',
  'inertia',
  'tooling',
  'openapi',
  'shared',
  'commands',
  'stubs',
  '.ci',
  'config',
  'database',
]

/** The code block of README's "Layout" section. */
async function layoutBlock(): Promise<string> {
  const readme = await readFile(app.makePath('README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('\n## Layout\n'))
  const start = section.indexOf('```\n')
  return section.slice(start, section.indexOf('```\n', start + 4))
}

test.group('README layout', () => {
  test('names every top-level folder the code has, on a line of its own', async ({ assert }) => {
    const block = await layoutBlock()
    const lines = block.split('\n')
    const missing: string[] = []
    for (const folder of TOP_LEVEL) {
      if (!lines.some((line) => line.startsWith(`${folder}/`))) missing.push(`${folder}/`)
    }
    for (const parent of DESCRIBED) {
      const entries = await readdir(app.makePath(parent), { withFileTypes: true })
      for (const entry of entries.filter((found) => found.isDirectory())) {
        const named = lines.some((line) => line.trimStart().startsWith(`${entry.name}/ `))
        if (!named) missing.push(`${parent}/${entry.name}/`)
      }
    }
    assert.deepEqual(missing, [])
  })
})
