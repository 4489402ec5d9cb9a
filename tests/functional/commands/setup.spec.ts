import { test } from '@japa/runner'
import env from '#start/env'
import User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import Setup from '#commands/setup'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import { DEMO_ACCOUNTS } from '#sample_data/demo_accounts'

test.group('Commands | setup', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('seeds the demo accounts into an empty database and prints them', async ({ assert }) => {
    const command = await ace.create(Setup, [])
    await command.exec()

    command.assertSucceeded()
    command.assertLog(
      `[ green(success) ] Demo data seeded. Open ${env.get('APP_URL')} and log in with:`
    )
    command.assertLogMatches(/admin@atrium\.test.*superuser.*atrium-demo-2026/)
    const users = await User.query().orderBy('id')
    const emails = users.map((user) => user.email)
    assert.deepEqual(
      emails,
      DEMO_ACCOUNTS.map((account) => account.email)
    )

    const projects = await db.from('projects').orderBy('name').select('id', 'name')
    assert.deepEqual(
      projects.map((project) => project.name),
      ['Apollo', 'Gemini', 'Mercury']
    )
    const roles = await db
      .from('project_members')
      .where('project_id', projects[0].id)
      .orderBy('role')
      .select('role')
    assert.deepEqual(
      roles.map((row) => row.role),
      ['editor', 'owner', 'viewer']
    )
    const [{ total }] = await db.from('tasks').count('* as total')
    assert.equal(Number(total), 200)
    const [{ comments }] = await db.from('comments').count('* as comments')
    assert.isAbove(Number(comments), 100)
  })

  test('leaves a database that has users alone', async ({ assert }) => {
    await User.create({ fullName: 'Only One', email: 'one@example.com', password: 'secret-123' })

    const command = await ace.create(Setup, [])
    await command.exec()

    command.assertSucceeded()
    command.assertLogMatches(/Database ready/)
    assert.lengthOf(await User.all(), 1)
  })
})
