import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'

/** The verbs a validator's name may start with: what the request asks to do. */
const VALIDATOR_VERBS = [
  'add',
  'change',
  'create',
  'delete',
  'filter',
  'move',
  'read',
  'request',
  'reset',
  'run',
  'save',
  'update',
]

/** The source of every .ts file under the given folders, by path relative to the app root. */
async function sources(...folders: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const folder of folders) {
    const entries = await readdir(app.makePath(folder), { recursive: true, withFileTypes: true })
    for (const entry of entries.filter((file) => file.isFile() && file.name.endsWith('.ts'))) {
      const path = join(entry.parentPath, entry.name)
      found.set(relative(app.makePath(), path), await readFile(path, 'utf8'))
    }
  }
  return found
}

test.group('Naming', () => {
  test('every exception class ends in "Exception"', async ({ assert }) => {
    const files = await sources('app', 'tooling', 'commands')
    const classes = [...files.entries()].flatMap(([file, source]) =>
      [...source.matchAll(/class (\w+) extends (\w*(?:Exception|Error))\b/g)]
        .filter(([, name]) => name !== 'HttpExceptionHandler')
        .map(([, name]) => `${file}: ${name}`)
    )
    assert.isAbove(classes.length, 0)
    assert.deepEqual(
      classes.filter((entry) => !entry.endsWith('Exception')),
      []
    )
  })

  test('every validator is named verb + noun + "Validator"', async ({ assert }) => {
    const files = await sources('app/validators')
    const names = [...files.values()].flatMap((source) =>
      [...source.matchAll(/export const (\w+Validator)\b/g)].map(([, name]) => name)
    )
    assert.isAbove(names.length, 0)
    const verbOf = (name: string) => name.match(/^[a-z]+/)![0]
    assert.deepEqual(
      names.filter((name) => !VALIDATOR_VERBS.includes(verbOf(name))),
      []
    )
  })
})
