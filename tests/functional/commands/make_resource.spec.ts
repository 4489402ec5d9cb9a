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

/**
 * Four resources, made in this order: a project's invoices (every modifier, an optional member
 * as reviewer), their payments (pointing at an invoice of the same project), a user's own
 * customers (a date-time in the user's zone) and their contacts (pointing at a customer of the
 * same user).
 */
const RESOURCES = [
  [
    'Invoice',
    'number:string!',
    'amount:decimal',
    'paid:boolean',
    'issued_on:date',
    'status:enum(draft,sent,paid)',
    'notes:text?',
    'project:belongs_to',
    'reviewer:belongs_to(user)?',
  ],
  ['Payment', 'amount:decimal', 'received_on:date', 'invoice:belongs_to', 'project:belongs_to'],
  ['Customer', 'name:string!', 'vip:boolean', 'since:datetime?'],
  ['Contact', 'full_name:string', 'email:string?', 'customer:belongs_to'],
]

/** The functional and browser test files the four resources write. */
const GENERATED_TESTS = {
  functional: [
    'tests/functional/projects/invoices.spec.ts',
    'tests/functional/projects/payments.spec.ts',
    'tests/functional/customers/customers.spec.ts',
    'tests/functional/contacts/contacts.spec.ts',
  ],
  browser: [
    'tests/browser/invoices.spec.ts',
    'tests/browser/payments.spec.ts',
    'tests/browser/customers.spec.ts',
    'tests/browser/contacts.spec.ts',
  ],
}

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

  test('stops on a belongs_to whose model does not exist, writing nothing', async ({
    assert,
    cleanup,
  }) => {
    const root = await scratch({ 'start/routes.ts': '' }, cleanup)
    const command = await ace.create(MakeResource, [
      'Invoice',
      'number:string',
      'customer:belongs_to',
    ])
    command.outputRoot = root
    await command.exec()

    command.assertFailed()
    command.assertLogMatches(/there is no model app\/models\/customer\.ts; create Customer first/)
    assert.deepEqual(await listFiles(root), ['start', join('start', 'routes.ts')])
  })

  test('stops on a belongs_to to a model of another kind, writing nothing', async ({
    assert,
    cleanup,
  }) => {
    const root = await scratch({ 'start/routes.ts': '' }, cleanup)
    await cp(app.makePath('app/models/label.ts'), join(root, 'app/models/label.ts'))
    const before = await listFiles(root)
    const command = await ace.create(MakeResource, ['Note', 'title:string', 'label:belongs_to'])
    command.outputRoot = root
    await command.exec()

    command.assertFailed()
    command.assertLogMatches(/Label is a project's resource and this one would be an owner's/)
    assert.deepEqual(await listFiles(root), before)
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

    // The copy keeps its own SQLite file whatever this suite runs on: its test run migrates and
    // rolls back its database, which must never be the one this suite is using.
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DB_CONNECTION: 'sqlite',
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

    const made: string[] = []
    for (const resource of RESOURCES) {
      const { stdout } = await inCopy('node', ['ace', 'make:resource', ...resource])
      made.push(stdout)
    }
    assert.include(made[0], 'create app/controllers/projects/invoices_controller.ts')
    assert.include(made[0], 'create app/admin/models/invoice_admin.ts')
    assert.include(made[0], 'update inertia/lib/resource_links.ts')
    assert.include(made[2], 'create app/controllers/customers_controller.ts')

    await inCopy('node', ['ace', 'migration:run'])
    const dumped = await inCopy('node', [
      'ace',
      'db:dump',
      'invoice',
      'payment',
      'customer',
      'contact',
    ])
    assert.deepEqual(
      JSON.parse(dumped.stdout).tables.map((entry: { table: string }) => entry.table),
      ['customers', 'contacts', 'invoices', 'payments']
    )
    await inCopy('npm', ['run', 'typecheck'])
    await inCopy('npx', ['eslint', '.'])
    const tested = await inCopy('node', [
      'ace',
      'test',
      'functional',
      ...GENERATED_TESTS.functional.flatMap((file) => ['--files', file]),
    ])
    assert.match(tested.stdout, /Tests\s+40 passed \(40\)/)

    const clicked = await inCopy('node', [
      'ace',
      'test',
      'browser',
      ...GENERATED_TESTS.browser.flatMap((file) => ['--files', file]),
    ])
    assert.match(clicked.stdout, /Tests\s+4 passed \(4\)/)
  }).timeout(600_000)
})
