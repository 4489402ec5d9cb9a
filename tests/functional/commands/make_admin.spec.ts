import { test } from '@japa/runner'
import ts from 'typescript'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { existsSync } from 'node:fs'
import { ESLint } from 'eslint'
import { pathToFileURL } from 'node:url'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import string from '@adonisjs/core/helpers/string'
import MakeAdmin from '#commands/make_admin'
import UserSession from '#models/user_session'
import { AdminSite } from '#admin/admin_site'
import type { ModelAdminClass } from '#admin/admin_site'
import { unusedName } from '#tests/helpers/unused_names'

/** The `start/admin.ts` of the scratch app: the real file's shape, one registration. */
const REGISTRATIONS = `/*
|--------------------------------------------------------------------------
| Admin registrations
|--------------------------------------------------------------------------
*/

import Task from '#models/task'
import adminSite from '#admin/admin_site'
import { TaskAdmin } from '#admin/models/task_admin'

adminSite.register(Task, TaskAdmin)

adminSite.check()
`

/** What make:admin writes for UserSession, with the test database migrated. */
const USER_SESSION_ADMIN = `import type UserSession from '#models/user_session'
import { ModelAdmin } from '#admin/model_admin'

/** User sessions in the admin. */
export class UserSessionAdmin extends ModelAdmin<typeof UserSession> {
  area = 'Accounts'
  listDisplay = ['id', 'ipAddress', 'userAgent', 'lastSeenAt', 'user.fullName', 'createdAt']
  searchFields = ['ipAddress', 'userAgent']
  listFilter = ['lastSeenAt', 'user']
  ordering = ['-id']
  fieldsets = [{ title: null, fields: ['user', 'ipAddress', 'userAgent', 'lastSeenAt'] }]
  fieldOptions = { 'user.fullName': { label: 'User' } }
}
`

/**
 * A scratch app folder under tmp/ holding only start/admin.ts: what make:admin writes lands
 * there, and its `#admin/*` and `#models/*` imports still resolve to this app's modules.
 */
async function scratchApp(cleanup: (handler: () => Promise<void>) => void): Promise<string> {
  const root = app.makePath('tmp', `make_admin_${string.random(8).toLowerCase()}`)
  await mkdir(join(root, 'start'), { recursive: true })
  await writeFile(join(root, 'start/admin.ts'), REGISTRATIONS)
  cleanup(() => rm(root, { recursive: true, force: true }))
  return root
}

async function makeAdmin(root: string, argv: string[]) {
  const command = await ace.create(MakeAdmin, argv)
  command.outputRoot = root
  await command.exec()
  return command
}

/** Type errors of `files`, checked with the app's tsconfig. */
function typeErrors(files: string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(app.makePath('tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => {},
  })
  const program = ts.createProgram(files, { ...config!.options, noEmit: true })
  return files
    .flatMap((file) => {
      const source = program.getSourceFile(file)!
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    })
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
}

/** ESLint and Prettier findings on `source` as if it were the app's file `path`. */
async function lintErrors(source: string, path: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: app.makePath() }).lintText(source, {
    filePath: app.makePath(path),
  })
  const formatted = await prettier.format(source, {
    ...(await prettier.resolveConfig(app.makePath(path))),
    filepath: app.makePath(path),
  })
  return [
    ...result.messages.map((message) => `${message.ruleId}: ${message.message}`),
    ...(formatted === source ? [] : ['prettier: not formatted']),
  ]
}

test.group('Commands | make:admin', (group) => {
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('refuses a model already registered and writes nothing', async ({ assert, cleanup }) => {
    const root = await scratchApp(cleanup)

    const command = await makeAdmin(root, ['Task'])

    command.assertFailed()
    command.assertLogMatches(
      /The model "Task" is already registered in tmp\/make_admin_[\w-]+\/start\/admin\.ts: edit its admin, or pass --force/
    )
    assert.equal(await readFile(join(root, 'start/admin.ts'), 'utf-8'), REGISTRATIONS)
    assert.isFalse(existsSync(join(root, 'app')))
  })

  test('refuses with every reason at once', async ({ assert, cleanup }) => {
    const root = await scratchApp(cleanup)
    await mkdir(join(root, 'app/admin/models'), { recursive: true })
    await writeFile(join(root, 'app/admin/models/task_admin.ts'), '// hand-written\n')

    const command = await makeAdmin(root, ['Task'])

    command.assertFailed()
    command.assertLogMatches(/Cannot write the admin of "Task", nothing written:/)
    command.assertLogMatches(/The model "Task" is already registered in /)
    command.assertLogMatches(/task_admin\.ts already exists: pass --force to overwrite it/)
    assert.equal(await readFile(join(root, 'start/admin.ts'), 'utf-8'), REGISTRATIONS)
    assert.equal(
      await readFile(join(root, 'app/admin/models/task_admin.ts'), 'utf-8'),
      '// hand-written\n'
    )
  })

  test('refuses a model that does not exist', async ({ assert, cleanup }) => {
    const root = await scratchApp(cleanup)
    const missing = await unusedName('Invoice', (name) => {
      return existsSync(app.modelsPath(`${string.snakeCase(name)}.ts`))
    })

    const command = await makeAdmin(root, [string.snakeCase(missing)])

    command.assertFailed()
    command.assertLogMatches(
      new RegExp(
        `No model app/models/${string.snakeCase(missing)}\\.ts: create it first with node ace make:model ${missing}`
      ),
      'stderr'
    )
    assert.equal(await readFile(join(root, 'start/admin.ts'), 'utf-8'), REGISTRATIONS)
    assert.isFalse(existsSync(join(root, 'app')))
  })

  test('writes and registers an admin that compiles, lints and passes the boot checks', async ({
    assert,
    cleanup,
  }) => {
    const root = await scratchApp(cleanup)
    const adminPath = join(root, 'app/admin/models/user_session_admin.ts')
    const registrationsPath = join(root, 'start/admin.ts')

    const command = await makeAdmin(root, ['user_session', '--area=Accounts'])

    command.assertSucceeded()
    command.assertLogMatches(
      /create tmp\/make_admin_[\w-]+\/app\/admin\/models\/user_session_admin\.ts/
    )
    command.assertLogMatches(/update tmp\/make_admin_[\w-]+\/start\/admin\.ts/)
    const written = await readFile(adminPath, 'utf-8')
    assert.equal(written, USER_SESSION_ADMIN)
    const registrations = await readFile(registrationsPath, 'utf-8')
    assert.equal(
      registrations,
      REGISTRATIONS.replace(
        "import Task from '#models/task'\n",
        "import Task from '#models/task'\nimport UserSession from '#models/user_session'\n"
      )
        .replace(
          "import { TaskAdmin } from '#admin/models/task_admin'\n",
          "import { TaskAdmin } from '#admin/models/task_admin'\n" +
            "import { UserSessionAdmin } from '#admin/models/user_session_admin'\n"
        )
        .replace(
          'adminSite.register(Task, TaskAdmin)\n',
          'adminSite.register(Task, TaskAdmin)\nadminSite.register(UserSession, UserSessionAdmin)\n'
        )
    )

    // start/admin.ts is compared whole above: its new import resolves to the app, not to root.
    assert.deepEqual(typeErrors([adminPath]), [])
    assert.deepEqual(await lintErrors(written, 'app/admin/models/user_session_admin.ts'), [])
    assert.deepEqual(await lintErrors(registrations, 'start/admin.ts'), [])

    const { UserSessionAdmin } = await import(pathToFileURL(adminPath).href)
    const site = new AdminSite()
    const admin = site.register(
      UserSession,
      UserSessionAdmin as ModelAdminClass<typeof UserSession>
    )
    assert.doesNotThrow(() => site.check())
    assert.deepEqual([admin.slug, admin.area], ['user-sessions', 'Accounts'])
  }).timeout(60_000)

  test('overwrites an existing admin file only with --force, registering once', async ({
    assert,
    cleanup,
  }) => {
    const root = await scratchApp(cleanup)
    const adminPath = join(root, 'app/admin/models/user_session_admin.ts')
    await mkdir(join(root, 'app/admin/models'), { recursive: true })
    await writeFile(adminPath, '// hand-written\n')

    const refused = await makeAdmin(root, ['UserSession'])
    refused.assertFailed()
    refused.assertLogMatches(/user_session_admin\.ts already exists: pass --force to overwrite it/)
    assert.equal(await readFile(adminPath, 'utf-8'), '// hand-written\n')
    assert.equal(await readFile(join(root, 'start/admin.ts'), 'utf-8'), REGISTRATIONS)

    const forced = await makeAdmin(root, ['UserSession', '--force', '--area=Accounts'])
    forced.assertSucceeded()
    assert.equal(await readFile(adminPath, 'utf-8'), USER_SESSION_ADMIN)

    const again = await makeAdmin(root, ['UserSession', '--force', '--area=Accounts'])
    again.assertSucceeded()
    again.assertLogMatches(
      /update tmp\/make_admin_[\w-]+\/start\/admin\.ts.*UserSession is already registered/
    )
    const registrations = await readFile(join(root, 'start/admin.ts'), 'utf-8')
    assert.lengthOf(
      registrations.match(/adminSite\.register\(UserSession, UserSessionAdmin\)/g)!,
      1
    )
  })
})
