import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import Label from '#models/label'
import ProjectInvitation from '#models/project_invitation'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { clearRateLimits, fakeMail, linkPath, sentMessages } from '#tests/helpers/accounts'
import { outcomeOf, race, tally } from '#tests/helpers/races'

/*
 * Twenty requests at once on one action that a unique index guards. The requests commit for
 * real (a shared test transaction would queue them one behind the other), so the group empties
 * the database when it is done.
 */
test.group('Races | the pages', (group) => {
  group.setup(() => testUtils.db().truncate())
  group.each.setup(() => clearRateLimits())

  test('20 creations of one label name: one label, every other answer says it exists', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const create = () =>
      client
        .post(`/projects/${project.id}/labels`)
        .withCsrfToken()
        .loginAs(users.editor)
        .header('referer', `/projects/${project.id}/labels`)
        .form({ name: 'release', color: '#123456' })
        .redirects(0)

    const answers = await race(20, create)
    const sequential = await create()

    assert.equal(outcomeOf(sequential), '302 errors: {"name":["The name has already been taken"]}')
    assert.deepEqual(tally(answers), { '302 success': 1, [outcomeOf(sequential)]: 19 })
    assert.lengthOf(await Label.query().where({ project_id: project.id, name: 'release' }), 1)
  })

  test('20 renames to one name: one label takes it, the others are told it exists', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const labels = await Label.createMany(
      Array.from({ length: 20 }, (_, n) => ({
        projectId: project.id,
        name: `label ${n}`,
        color: '#000000',
      }))
    )
    const rename = (index: number) =>
      client
        .put(`/projects/${project.id}/labels/${labels[index].id}`)
        .withCsrfToken()
        .loginAs(users.editor)
        .header('referer', `/projects/${project.id}/labels`)
        .form({ name: 'final', color: '#000000' })
        .redirects(0)

    const answers = await race(20, rename)

    assert.deepEqual(tally(answers), {
      '302 success': 1,
      '302 errors: {"name":["The name has already been taken"]}': 19,
    })
    assert.lengthOf(await Label.query().where({ project_id: project.id, name: 'final' }), 1)
  })

  test('20 additions of one person: one membership, every other answer says already a member', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const add = () =>
      client
        .post(`/projects/${project.id}/members`)
        .withCsrfToken()
        .loginAs(users.owner)
        .header('referer', `/projects/${project.id}/members`)
        .form({ email: users.nonMember.email, role: 'viewer' })
        .redirects(0)

    const answers = await race(20, add)
    const sequential = await add()

    assert.equal(
      outcomeOf(sequential),
      '302 errors: {"email":["This person is already a member."]}'
    )
    assert.deepEqual(tally(answers), { '302 success': 1, [outcomeOf(sequential)]: 19 })
    const rows = await db
      .from('project_members')
      .where({ project_id: project.id, user_id: users.nonMember.id })
    assert.lengthOf(rows, 1)
  })

  test('20 invitations of one new address: one invitation, one mail, and its link works', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const { project, users } = await projectWithCast()
    const invite = () =>
      client
        .post(`/projects/${project.id}/members`)
        .withCsrfToken()
        .loginAs(users.owner)
        .header('referer', `/projects/${project.id}/members`)
        .form({ email: 'katherine@example.com', role: 'editor' })
        .redirects(0)

    const answers = await race(20, invite)
    const sequential = await invite()

    assert.equal(
      outcomeOf(sequential),
      '302 errors: {"email":["This address is already invited. Revoke the invitation to send a new one."]}'
    )
    assert.deepEqual(tally(answers), { '302 success': 1, [outcomeOf(sequential)]: 19 })
    assert.lengthOf(await ProjectInvitation.query().where('project_id', project.id), 1)
    const mails = sentMessages(fake)
    assert.lengthOf(mails, 1)
    const page = await client.get(linkPath(mails[0])).withInertia()
    page.assertStatus(200)
    page.assertInertiaPropsContains({ invitation: { email: 'katherine@example.com' } })
  })

  test('20 accounts taking one new email: one gets it, the others are told it is taken', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const accounts = await UserFactory.createMany(20)
    const claim = (index: number) =>
      client
        .put('/settings/profile')
        .withCsrfToken()
        .loginAs(accounts[index])
        .header('referer', '/settings/profile')
        .form({
          fullName: accounts[index].fullName,
          email: 'wanted@example.com',
          currentPassword: 'password-123',
        })
        .redirects(0)

    const answers = await race(20, claim)

    assert.deepEqual(tally(answers), {
      '302 success': 1,
      '302 errors: {"email":["The email has already been taken"]}': 19,
    })
    assert.lengthOf(await User.query().where('email', 'wanted@example.com'), 1)
    assert.lengthOf(sentMessages(fake), 1)
  })

  test('10 sign-ups with one email: one account, the others are told it is taken', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { restore } = fakeMail()
    cleanup(restore)
    const signUp = (index: number) =>
      client
        .post('/signup')
        .withCsrfToken()
        .header('referer', '/signup')
        .form({
          fullName: `Twin ${index}`,
          email: 'twin@example.com',
          password: 'orbital-mechanics-1962',
          passwordConfirmation: 'orbital-mechanics-1962',
        })
        .redirects(0)

    // Ten: the sign-up limit of one network per hour.
    const answers = await race(10, signUp)

    assert.deepEqual(tally(answers), {
      '302 success': 1,
      '302 errors: {"email":["The email has already been taken"]}': 9,
    })
    assert.lengthOf(await User.query().where('email', 'twin@example.com'), 1)
  })
})
