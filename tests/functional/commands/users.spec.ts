import { test } from '@japa/runner'
import { Readable } from 'node:stream'
import { DateTime } from 'luxon'
import User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import ace from '@adonisjs/core/services/ace'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import UserCreate from '#commands/user_create'
import UserPassword from '#commands/user_password'
import CheckDeploy from '#commands/check_deploy'
import { UserFactory } from '#database/factories/user_factory'

test.group('Commands | user:create', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('scripts create a superuser with flags and the password on stdin', async ({ assert }) => {
    const command = await ace.create(UserCreate, [
      '--email= Ada@Example.com ',
      '--name=Ada Lovelace',
      '--password-stdin',
      '--superuser',
    ])
    command.stdin = Readable.from(['analytical-engine-1843\n'])
    await command.exec()

    command.assertSucceeded()
    command.assertLogMatches(/Superuser ada@example\.com created/)
    const user = await User.findByOrFail('email', 'ada@example.com')
    assert.deepEqual([user.fullName, user.isStaff, user.isSuperuser], ['Ada Lovelace', true, true])
    assert.isNotNull(user.emailVerifiedAt)
    assert.isTrue(await hash.verify(user.password, 'analytical-engine-1843'))
  })

  test('in a terminal it asks for what the flags leave out, the password twice', async ({
    assert,
  }) => {
    const command = await ace.create(UserCreate, ['--staff'])
    command.prompt.trap('Full name').replyWith('Grace Hopper')
    command.prompt.trap('Email').replyWith('grace@example.com')
    command.prompt.trap('Password').replyWith('compiler-pioneer-1952')
    command.prompt.trap('Password (again)').replyWith('compiler-pioneer-1952')
    await command.exec()

    command.assertSucceeded()
    command.assertLogMatches(/Staff user grace@example\.com created/)
    const user = await User.findByOrFail('email', 'grace@example.com')
    assert.deepEqual([user.isStaff, user.isSuperuser], [true, false])
  })

  test('refuses what sign-up refuses, says why and creates nothing', async ({ assert }) => {
    await UserFactory.merge({ email: 'taken@example.com' }).create()
    const attempts: [string[], string, RegExp][] = [
      [
        ['--email=taken@example.com', '--name=Copy'],
        'long-enough-pass-99',
        /email: The email has already been taken/,
      ],
      [
        ['--email=new@example.com', '--name=New'],
        'password123',
        /password: This password is too common/,
      ],
      [
        ['--email=short@example.com', '--name=Short'],
        'short',
        /password: The password field must have at least 10 characters/,
      ],
      [
        ['--email=bad-address', '--name=Bad'],
        'long-enough-pass-99',
        /email: The email field must be a valid email address/,
      ],
    ]

    for (const [flagsGiven, password, message] of attempts) {
      const command = await ace.create(UserCreate, [...flagsGiven, '--password-stdin'])
      command.stdin = Readable.from([`${password}\n`])
      await command.exec()
      command.assertFailed()
      command.assertLogMatches(message)
    }
    const emails = await User.query().orderBy('email').select('email')
    assert.deepEqual(
      emails.map((user) => user.email),
      ['taken@example.com']
    )
  })

  test('a password typed differently the second time is refused', async ({ assert }) => {
    const command = await ace.create(UserCreate, ['--email=ada@example.com', '--name=Ada'])
    command.prompt.trap('Password').replyWith('analytical-engine-1843')
    command.prompt.trap('Password (again)').replyWith('analytical-engine-1844')
    await command.exec()

    command.assertFailed()
    command.assertLogMatches(
      /passwordConfirmation: The password field and passwordConfirmation field must be the same/
    )
    assert.isNull(await User.findBy('email', 'ada@example.com'))
  })
})

test.group('Commands | user:password', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('sets the password and ends every session of the account', async ({ assert }) => {
    const user = await UserFactory.merge({
      email: 'ada@example.com',
      fullName: 'Ada Lovelace',
    }).create()
    await db.table('user_sessions').insert({
      user_id: user.id,
      key_hash: 'a'.repeat(64),
      last_seen_at: DateTime.now().toFormat(db.connection().dialect.dateTimeFormat),
      created_at: DateTime.now().toFormat(db.connection().dialect.dateTimeFormat),
    })

    const command = await ace.create(UserPassword, ['ADA@example.com', '--password-stdin'])
    command.stdin = Readable.from(['difference-engine-1822\n'])
    await command.exec()

    command.assertSucceeded()
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, 'difference-engine-1822'))
    assert.lengthOf(await db.from('user_sessions').where('user_id', user.id), 0)
  })

  test('an unknown email or a weak password changes nothing', async ({ assert }) => {
    const user = await UserFactory.merge({
      email: 'ada@example.com',
      fullName: 'Ada Lovelace',
    }).create()
    const before = user.password

    const unknown = await ace.create(UserPassword, ['nobody@example.com', '--password-stdin'])
    unknown.stdin = Readable.from(['difference-engine-1822\n'])
    await unknown.exec()
    unknown.assertFailed()
    unknown.assertLogMatches(/No account uses nobody@example\.com/)

    const weak = await ace.create(UserPassword, ['ada@example.com', '--password-stdin'])
    weak.stdin = Readable.from(['lovelace-1815\n'])
    await weak.exec()
    weak.assertFailed()
    weak.assertLogMatches(/password: The password is too similar to your name or email/)

    await user.refresh()
    assert.equal(user.password, before)
  })
})

test.group('Commands | check:deploy', (group) => {
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('in the test environment it reports what is unfit and exits 1', async () => {
    const command = await ace.create(CheckDeploy, [])
    await command.exec()

    command.assertFailed()
    command.assertLogMatches(
      /NODE_ENV: NODE_ENV is test: stack traces and development pages are on\. Fix:/
    )
    command.assertLogMatches(/HSTS: no Strict-Transport-Security header\. Fix:/)
    command.assertLogMatches(/Database: the database answers/)
    command.assertLogMatches(/Migrations: every migration has run/)
    command.assertLogMatches(/serious finding\(s\): not fit to deploy/)
  })
})
