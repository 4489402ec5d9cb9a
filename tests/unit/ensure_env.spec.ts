import { test } from '@japa/runner'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SCRIPT = fileURLToPath(new URL('../../scripts/ensure_env.js', import.meta.url))

function runIn(folder: string) {
  return execFileSync(process.execPath, [SCRIPT, folder], { encoding: 'utf8' })
}

test.group('First run | .env', (group) => {
  let folder: string

  group.each.setup(() => {
    folder = mkdtempSync(join(tmpdir(), 'atrium-env-'))
    writeFileSync(join(folder, '.env.example'), 'PORT=3333\nAPP_KEY=\nNODE_ENV=development\n')
    return () => rmSync(folder, { recursive: true, force: true })
  })

  test('creates .env from the example with a fresh 256-bit APP_KEY', ({ assert }) => {
    const output = runIn(folder)

    assert.equal(output.trim(), 'Created .env with a fresh APP_KEY')
    const env = readFileSync(join(folder, '.env'), 'utf8')
    assert.match(env, /^PORT=3333\nAPP_KEY=[\w-]{43}\nNODE_ENV=development\n$/)
    assert.isTrue(existsSync(join(folder, 'tmp')))
  })

  test('never touches an existing .env', ({ assert }) => {
    writeFileSync(join(folder, '.env'), 'APP_KEY=mine\n')

    const output = runIn(folder)

    assert.equal(output, '')
    assert.equal(readFileSync(join(folder, '.env'), 'utf8'), 'APP_KEY=mine\n')
  })

  test('gives each project its own key', ({ assert }) => {
    const other = mkdtempSync(join(tmpdir(), 'atrium-env-'))
    writeFileSync(join(other, '.env.example'), 'APP_KEY=\n')
    runIn(folder)
    runIn(other)

    const key = (dir: string) => readFileSync(join(dir, '.env'), 'utf8').match(/APP_KEY=(.*)/)![1]
    assert.notEqual(key(folder), key(other))
    rmSync(other, { recursive: true, force: true })
  })
})
