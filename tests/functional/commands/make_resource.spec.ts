import { test } from '@japa/runner'
import { join } from 'node:path'
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import string from '@adonisjs/core/helpers/string'
import MakeResource from '#commands/make_resource'
import type { ResourceScope } from '#scaffold/field_spec'
import { findCollisions } from '#scaffold/collisions'
import { type ResourceNames, resourceNames } from '#scaffold/resource_names'
import { commandsIn, copyOfApp, databaseForCopy } from '#tests/helpers/app_copy'
import { unusedName } from '#tests/helpers/unused_names'
import { failuresOf, runWholeSuite, WHOLE_SUITE_TAG } from '#tests/helpers/suite_run'

/** The names the four resources of the copy test get: the usual ones, unless the app has them. */
type CopyNames = { invoice: string; payment: string; customer: string; contact: string }

/**
 * Four resources, made in this order: a project's invoices (every modifier, an optional member
 * as reviewer), their payments (pointing at an invoice of the same project), a user's own
 * customers (a date-time in the user's zone) and their contacts (pointing at a customer of the
 * same user).
 */
function resourcesNamed(names: CopyNames): string[][] {
  return [
    [
      names.invoice,
      'number:string!',
      'amount:decimal',
      'paid:boolean',
      'issued_on:date',
      'status:enum(draft,sent,paid)',
      'notes:text?',
      'project:belongs_to',
      'reviewer:belongs_to(user)?',
    ],
    [
      names.payment,
      'amount:decimal',
      'received_on:date',
      `invoice:belongs_to(${names.invoice})`,
      'project:belongs_to',
    ],
    [names.customer, 'name:string!', 'vip:boolean', 'since:datetime?'],
    [names.contact, 'full_name:string', 'email:string?', `customer:belongs_to(${names.customer})`],
  ]
}

/**
 * Names that make:resource accepts in the app at `root`: Invoice, Payment, Customer and Contact,
 * or `OtherInvoice`… where someone scaffolded one of them into the app already.
 */
async function freeNames(root: string): Promise<CopyNames> {
  const free = (base: string, scope: ResourceScope) =>
    unusedName(base, async (name) => {
      const collisions = await findCollisions(root, resourceNames(name, scope))
      return collisions.length > 0
    })
  return {
    invoice: await free('Invoice', 'project'),
    payment: await free('Payment', 'project'),
    customer: await free('Customer', 'owner'),
    contact: await free('Contact', 'owner'),
  }
}

/** The resource names of the four, project's first. */
function namesOf(names: CopyNames): ResourceNames[] {
  return [
    resourceNames(names.invoice, 'project'),
    resourceNames(names.payment, 'project'),
    resourceNames(names.customer, 'owner'),
    resourceNames(names.contact, 'owner'),
  ]
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

test.group('MakeResource | every reason at once', (group) => {
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('reports a bad field, an unknown relation and an existing model together', async ({
    assert,
    cleanup,
  }) => {
    const root = await scratch(
      { 'app/models/label.ts': '', 'start/routes.ts': '', 'start/admin.ts': '' },
      cleanup
    )
    const before = await listFiles(root)
    const command = await ace.create(MakeResource, [
      'Label',
      'name:string',
      'amount:money',
      'size:enum',
      'customer:belongs_to',
      'project:belongs_to',
    ])
    command.outputRoot = root
    await command.exec()

    command.assertFailed()
    const errors = command.ui.logger.getLogs().filter((log) => log.stream === 'stderr')
    assert.lengthOf(errors, 1)
    const reasons = errors[0].message.split('\n').slice(1)
    assert.deepEqual(reasons, [
      '  - Unknown type "money" in "amount:money": use one of string, text, integer, decimal, boolean, date, datetime, enum, belongs_to',
      '  - The enum "size:enum" has no values: write size:enum(a,b,c)',
      '  - customer:belongs_to: there is no model app/models/customer.ts; create Customer first',
      '  - app/models/label.ts already exists',
      '  - start/routes.ts does not import "#generated/controllers": add the routes by hand',
      '  - there is no app/api/resources/main.ts to edit',
      '  - there is no inertia/lib/resource_links.ts to edit',
    ])
    assert.match(errors[0].message, /Cannot scaffold "Label", nothing written:/)
    assert.deepEqual(await listFiles(root), before)
  })
})

test.group("MakeResource | the app's stubs", () => {
  test('renders a file from the stub as the app edited it', async ({ assert, cleanup }) => {
    const root = await copyOfApp(cleanup)
    const name = await unusedName('Note', async (candidate) => {
      const collisions = await findCollisions(root, resourceNames(candidate, 'owner'))
      return collisions.length > 0
    })
    const names = resourceNames(name, 'owner')
    const stub = join(root, 'stubs/make/resource/transformer.stub')
    const original = await readFile(stub, 'utf-8')
    await writeFile(
      stub,
      original.replace(
        '  toObject() {',
        '  /** Edited in this app. */\n  static edited = true\n\n  toObject() {'
      )
    )
    const inCopy = commandsIn(root, {
      ...process.env,
      NODE_ENV: 'test',
      DB_CONNECTION: 'sqlite',
      SQLITE_FILE: join(root, 'tmp/copy.sqlite3'),
    })

    await inCopy('node', ['ace', 'make:resource', name, 'title:string'])

    const transformer = await readFile(
      join(root, `app/transformers/${names.file}_transformer.ts`),
      'utf-8'
    )
    assert.include(
      transformer,
      '  /** Edited in this app. */\n  static edited = true\n\n  toObject() {'
    )
    const model = await readFile(join(root, `app/models/${names.file}.ts`), 'utf-8')
    assert.include(
      model,
      `export default class ${names.model} extends compose(BaseModel, Recorded)`
    )
  }).timeout(120_000)
})

test.group('MakeResource | in a copy of the app', () => {
  test('after scaffolding four resources the whole suite of the copy passes', async ({
    assert,
    cleanup,
    test: current,
  }) => {
    const root = await copyOfApp(cleanup)
    const names = await freeNames(root)
    const resources = namesOf(names)
    const port = Number(process.env.PORT ?? 3333) + 7
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...(await databaseForCopy(root, cleanup)),
      NODE_ENV: 'test',
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      // Passkeys are bound to the page's origin: the copy's, not this suite's.
      WEBAUTHN_ORIGIN: `http://localhost:${port}`,
    }
    const inCopy = commandsIn(root, env)

    const made: string[] = []
    for (const resource of resourcesNamed(names)) {
      const { stdout } = await inCopy('node', ['ace', 'make:resource', ...resource])
      made.push(stdout)
    }
    const [invoices, payments, customers, contacts] = resources
    assert.include(made[0], `create ${invoices.controllerPath}`)
    assert.include(made[0], `create app/admin/models/${invoices.file}_admin.ts`)
    assert.include(made[0], 'update inertia/lib/resource_links.ts')
    assert.include(made[0], `create app/controllers/api/${invoices.plural}_controller.ts`)
    assert.include(made[0], 'update app/api/resources/main.ts')
    assert.include(made[2], `create ${customers.controllerPath}`)

    await inCopy('node', ['ace', 'migration:run'])
    const dumped = await inCopy('node', ['ace', 'db:dump', ...resources.map(({ file }) => file)])
    const tables: string[] = JSON.parse(dumped.stdout).tables.map(
      (entry: { table: string }) => entry.table
    )
    assert.sameMembers(
      tables,
      resources.map(({ table }) => table)
    )
    assert.isBelow(tables.indexOf(invoices.table), tables.indexOf(payments.table))
    assert.isBelow(tables.indexOf(customers.table), tables.indexOf(contacts.table))
    await inCopy('npm', ['run', 'typecheck'])
    await inCopy('npx', ['eslint', '.'])

    const suite = await runWholeSuite(root, env)

    // A run that stopped before its tests shows what it printed instead.
    const printed = suite.tests.length > 0 ? undefined : suite.otherOutput.slice(-4000)
    assert.deepEqual(failuresOf(suite), [], printed)
    assert.equal(suite.exitCode, 0)
    assert.deepEqual(suite.suites, ['unit', 'functional', 'browser', 'production'])
    assert.deepEqual(suite.aggregates, {
      total: suite.tests.length,
      passed: suite.tests.length,
      failed: 0,
      regression: 0,
      skipped: 0,
      todo: 0,
    })
    const ranFrom = (files: string[]) =>
      suite.tests.filter((outcome) => files.includes(outcome.file)).length
    assert.equal(
      ranFrom(
        resources.map(({ testArea, plural }) => `tests/functional/${testArea}/${plural}.spec.ts`)
      ),
      40
    )
    assert.equal(
      ranFrom(resources.map(({ plural }) => `tests/functional/api/${plural}.spec.ts`)),
      40
    )
    assert.equal(ranFrom(resources.map(({ plural }) => `tests/browser/${plural}.spec.ts`)), 4)
    assert.notInclude(
      suite.tests.map((outcome) => outcome.title),
      current.title
    )
  })
    .tags([WHOLE_SUITE_TAG])
    .timeout(40 * 60_000)
})
