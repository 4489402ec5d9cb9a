import { test } from '@japa/runner'
import { join, relative, sep } from 'node:path'
import { tmpdir } from 'node:os'
import { promisify } from 'node:util'
import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import string from '@adonisjs/core/helpers/string'
import MakeResource from '#commands/make_resource'

const run = promisify(execFile)

/** The example: every field type but datetime and integer, both modifiers. */
const INVOICE = [
  'Invoice',
  'number:string!',
  'amount:decimal',
  'paid:boolean',
  'issued_on:date',
  'status:enum(draft,sent,paid)',
  'notes:text?',
  'project:belongs_to',
]

/** Folders a copy of the app leaves out: dependencies are linked, outputs are rebuilt. */
const NOT_COPIED = new Set(['node_modules', 'tmp', 'build', '.git'])

/**
 * Caches that tools write inside node_modules. The copy keeps its own: Vite rewriting the shared
 * optimized dependencies under the suite's running dev server breaks the suite's pages.
 */
const NOT_LINKED = new Set(['.vite', '.vite-temp', '.cache'])

/** Links every package of the app's node_modules into the copy's, but not the tools' caches. */
async function linkDependencies(root: string) {
  await mkdir(join(root, 'node_modules'))
  for (const entry of await readdir(app.makePath('node_modules'))) {
    if (NOT_LINKED.has(entry)) continue
    await symlink(app.makePath('node_modules', entry), join(root, 'node_modules', entry))
  }
}

/** A scratch folder under tmp/ with the given files, removed after the test. */
async function scratch(files: Record<string, string>, cleanup: (h: () => Promise<void>) => void) {
  const root = app.makePath('tmp', `make_resource_${string.random(8).toLowerCase()}`)
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), contents)
  }
  cleanup(() => rm(root, { recursive: true, force: true }))
  return root
}

/** Every path under `root`, sorted. */
async function listFiles(root: string) {
  const paths = await readdir(root, { recursive: true })
  return paths.sort()
}

test.group('MakeResource | refusals', (group) => {
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('stops on a bad field spec before writing anything', async ({ assert, cleanup }) => {
    const root = await scratch({ 'start/routes.ts': '' }, cleanup)
    const command = await ace.create(MakeResource, [
      'Invoice',
      'amount:money',
      'project:belongs_to',
    ])
    command.outputRoot = root
    await command.exec()

    command.assertFailed()
    command.assertLogMatches(/Unknown type "money" in "amount:money"/)
    assert.deepEqual(await listFiles(root), ['start', join('start', 'routes.ts')])
  })

  test('stops when the model, its table and its routes exist', async ({ assert, cleanup }) => {
    const root = await scratch(
      {
        'app/models/label.ts': '',
        'database/migrations/0009_create_labels_table.ts': "createTable('labels', () => {})",
        'start/routes.ts': "router.get('x', () => '').as('projects.labels.index')",
      },
      cleanup
    )
    const before = await listFiles(root)
    const command = await ace.create(MakeResource, ['Label', 'name:string', 'project:belongs_to'])
    command.outputRoot = root
    await command.exec()

    command.assertFailed()
    command.assertLogMatches(/Cannot scaffold "Label", nothing written/)
    command.assertLogMatches(/app\/models\/label\.ts already exists/)
    command.assertLogMatches(/the table "labels" is already created/)
    command.assertLogMatches(/start\/routes\.ts already names routes "projects\.labels\.\*"/)
    assert.deepEqual(await listFiles(root), before)
  })

  test('asks for project:belongs_to', async ({ cleanup }) => {
    const root = await scratch({ 'start/routes.ts': '' }, cleanup)
    const command = await ace.create(MakeResource, ['Invoice', 'number:string'])
    command.outputRoot = root
    await command.exec()

    command.assertFailed()
    command.assertLogMatches(/add project:belongs_to to the fields/)
  })
})

test.group('MakeResource | in a copy of the app', () => {
  test('its output migrates, typechecks, lints and passes its functional and browser tests', async ({
    assert,
    cleanup,
  }) => {
    const root = await mkdtemp(join(tmpdir(), 'atrium-make-resource-'))
    cleanup(() => rm(root, { recursive: true, force: true }))
    await cp(app.makePath(), root, {
      recursive: true,
      filter: (source) => !NOT_COPIED.has(relative(app.makePath(), source).split(sep)[0]),
    })
    await linkDependencies(root)
    await mkdir(join(root, 'tmp'))

    const env = {
      ...process.env,
      NODE_ENV: 'test',
      SQLITE_FILE: join(root, 'tmp/scaffold.sqlite3'),
      PORT: String(Number(process.env.PORT ?? 3333) + 7),
    }
    /** Runs a command in the copy; a failure shows what the command printed. */
    const inCopy = async (file: string, argv: string[]) => {
      try {
        return await run(file, argv, { cwd: root, env, maxBuffer: 32 * 1024 * 1024 })
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string }
        throw new Error(`${file} ${argv.join(' ')} failed:\n${stdout}\n${stderr}`)
      }
    }

    const made = await inCopy('node', ['ace', 'make:resource', ...INVOICE])
    assert.include(made.stdout, 'create app/controllers/projects/invoices_controller.ts')
    assert.include(made.stdout, 'create app/admin/models/invoice_admin.ts')

    await inCopy('node', ['ace', 'migration:run'])
    await inCopy('npm', ['run', 'typecheck'])
    await inCopy('npx', ['eslint', '.'])
    const tested = await inCopy('node', [
      'ace',
      'test',
      'functional',
      '--files',
      'tests/functional/projects/invoices.spec.ts',
    ])
    assert.match(tested.stdout, /Tests\s+7 passed \(7\)/)

    const clicked = await inCopy('node', [
      'ace',
      'test',
      'browser',
      '--files',
      'tests/browser/invoices.spec.ts',
    ])
    assert.match(clicked.stdout, /Tests\s+1 passed \(1\)/)
  }).timeout(600_000)
})
