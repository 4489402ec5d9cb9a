import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import ProjectInvitation from '#models/project_invitation'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { clearRateLimits, fakeMail, linkPath, sentMessages } from '#tests/helpers/accounts'

const NEWCOMER = {
  fullName: 'Katherine Johnson',
  email: 'katherine@example.com',
  password: 'orbital-mechanics-1962',
  passwordConfirmation: 'orbital-mechanics-1962',
}

test.group('Invitations | sending', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  test('adding an address without an account mails it an invitation link', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const { project, users } = await projectWithCast()

    const response = await client
      .post(`/projects/${project.id}/members`)
      .withCsrfToken()
      .loginAs(users.owner)
      .form({ email: ' Katherine@Example.com ', role: 'editor' })
      .redirects(0)

    response.assertHeader('location', `/projects/${project.id}/members`)
    response.assertFlashMessage(
      'success',
      'No account uses katherine@example.com yet: we mailed an invitation to join as editor.'
    )
    const invitation = await ProjectInvitation.findByOrFail('email', 'katherine@example.com')
    assert.deepEqual([invitation.projectId, invitation.role], [project.id, 'editor'])
    const [message] = sentMessages(fake)
    assert.deepEqual(message.toJSON().message.to, [
      { address: 'katherine@example.com', name: 'katherine@example.com' },
    ])
    assert.match(linkPath(message), /^\/invitations\/[\w-]{43}$/)
    assert.notInclude(invitation.tokenHash, linkPath(message).split('/')[2])

    const owners = await client
      .get(`/projects/${project.id}/members`)
      .withInertia()
      .loginAs(users.owner)
    owners.assertInertiaPropsContains({
      invitations: [{ id: invitation.id, email: 'katherine@example.com', role: 'editor' }],
    })
    const editors = await client
      .get(`/projects/${project.id}/members`)
      .withInertia()
      .loginAs(users.editor)
    editors.assertInertiaPropsContains({ invitations: [] })
  })

  test('inviting the same address again replaces the invitation; the old link dies', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const { project, users } = await projectWithCast()
    for (const role of ['editor', 'viewer']) {
      await client
        .post(`/projects/${project.id}/members`)
        .withCsrfToken()
        .loginAs(users.owner)
        .form({ email: NEWCOMER.email, role })
    }

    const invitations = await ProjectInvitation.query().where('project_id', project.id)
    assert.deepEqual(
      invitations.map((invitation) => invitation.role),
      ['viewer']
    )
    const [first, second] = sentMessages(fake).map(linkPath)
    const dead = await client.get(first)
    dead.assertStatus(404)
    const live = await client.get(second)
    live.assertStatus(200)
  })

  test('inviting an address again to the role of its open invitation sends nothing', async ({
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
        .form({ email: NEWCOMER.email, role: 'editor' })
        .redirects(0)

    await invite()
    const again = await invite()

    again.assertFlashMessage('inputErrorsBag', {
      email: ['This address is already invited. Revoke the invitation to send a new one.'],
    })
    const mails = sentMessages(fake)
    assert.lengthOf(mails, 1)
    const live = await client.get(linkPath(mails[0]))
    live.assertStatus(200)
  })

  test('an owner may send 30 invitations an hour, then is told to wait', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { restore } = fakeMail()
    cleanup(restore)
    const { project, users } = await projectWithCast()
    const invite = (n: number) =>
      client
        .post(`/projects/${project.id}/members`)
        .withCsrfToken()
        .loginAs(users.owner)
        .header('referer', `/projects/${project.id}/members`)
        .form({ email: `guest${n}@example.com`, role: 'viewer' })
        .redirects(0)

    for (let n = 1; n <= 30; n++) {
      const sent = await invite(n)
      sent.assertStatus(302)
    }
    const refused = await invite(31)

    refused.assertFlashMessage(
      'error',
      'You sent many invitations in a short time. Try again in 60 minutes.'
    )
    assert.lengthOf(await ProjectInvitation.query().where('project_id', project.id), 30)
  })

  test('owners revoke an invitation: its link stops working', async ({ client, cleanup }) => {
    const { fake, restore } = fakeMail()
    cleanup(restore)
    const { project, users } = await projectWithCast()
    await client
      .post(`/projects/${project.id}/members`)
      .withCsrfToken()
      .loginAs(users.owner)
      .form({ email: NEWCOMER.email, role: 'viewer' })
    const invitation = await ProjectInvitation.findByOrFail('email', NEWCOMER.email)

    const response = await client
      .delete(`/projects/${project.id}/invitations/${invitation.id}`)
      .withCsrfToken()
      .loginAs(users.owner)
      .redirects(0)

    response.assertFlashMessage('success', 'The invitation to katherine@example.com is revoked.')
    const revoked = await client.get(linkPath(sentMessages(fake)[0]))
    revoked.assertStatus(404)
  })
})

test.group('Invitations | accepting', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearRateLimits())

  async function invite(client: ApiClient) {
    const { fake, restore } = fakeMail()
    const cast = await projectWithCast()
    await client
      .post(`/projects/${cast.project.id}/members`)
      .withCsrfToken()
      .loginAs(cast.users.owner)
      .form({ email: NEWCOMER.email, role: 'editor' })
    const link = linkPath(sentMessages(fake)[0])
    restore()
    return { ...cast, link }
  }

  test('a newcomer signs up from the link, comes back, accepts and joins', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { project, link } = await invite(client)

    const page = await client.get(link).withInertia()
    page.assertInertiaComponent('invitations/show')
    page.assertInertiaPropsContains({
      invitation: { email: NEWCOMER.email, role: 'editor', projectName: 'Apollo' },
      guest: true,
      refusal: null,
    })

    const { restore } = fakeMail()
    cleanup(restore)
    const signup = await client
      .post('/signup')
      .withCsrfToken()
      .withSession(page.session())
      .form(NEWCOMER)
      .redirects(0)
    signup.assertHeader('location', link)

    const user = await User.findByOrFail('email', NEWCOMER.email)
    assert.isNull(user.emailVerifiedAt)
    const accepted = await client.post(link).withCsrfToken().loginAs(user).redirects(0)

    accepted.assertHeader('location', `/projects/${project.id}`)
    accepted.assertFlashMessage('success', 'You joined Apollo as editor.')
    const member = await db
      .from('project_members')
      .where({ project_id: project.id, user_id: user.id })
      .firstOrFail()
    assert.equal(member.role, 'editor')
    assert.lengthOf(await ProjectInvitation.all(), 0)
    await user.refresh()
    assert.isNotNull(user.emailVerifiedAt)
    const entry = await db
      .from('activities')
      .where({ subject_type: 'project_member', subject_id: `${project.id}:${user.id}` })
      .firstOrFail()
    assert.equal(entry.action, 'created')
  })

  test('someone logged in with another address cannot accept it', async ({ client, assert }) => {
    const { project, link } = await invite(client)
    const stranger = await UserFactory.merge({ emailVerifiedAt: DateTime.now() }).create()

    const page = await client.get(link).withInertia().loginAs(stranger)
    page.assertInertiaPropsContains({
      refusal: 'This invitation is for another email address.',
      guest: false,
    })
    const refused = await client
      .post(link)
      .withCsrfToken()
      .loginAs(stranger)
      .header('referer', link)
      .redirects(0)

    refused.assertFlashMessage('error', 'This invitation is for another email address.')
    const member = await db
      .from('project_members')
      .where({ project_id: project.id, user_id: stranger.id })
      .first()
    assert.isNull(member)
    assert.lengthOf(await ProjectInvitation.all(), 1)
  })

  test('an expired or made-up link answers 404 and joins no one', async ({ client, assert }) => {
    const { link } = await invite(client)
    const user = await UserFactory.merge({ email: NEWCOMER.email }).create()
    const invitation = await ProjectInvitation.firstOrFail()
    invitation.expiresAt = DateTime.now().minus({ minutes: 1 })
    await invitation.save()

    const expired = await client.get(link)
    expired.assertStatus(404)
    const madeUp = await client.get('/invitations/made-up-token')
    madeUp.assertStatus(404)
    const accepted = await client.post(link).withCsrfToken().loginAs(user).redirects(0)

    accepted.assertFlashMessage('error', 'This invitation link is invalid or has expired.')
    assert.isNull(await db.from('project_members').where('user_id', user.id).first())
  })
  test('accepting twice at once joins once, without an error', async ({ client, assert }) => {
    const { project, link } = await invite(client)
    const user = await UserFactory.merge({ email: NEWCOMER.email }).create()

    const answers = await Promise.all([
      client.post(link).withCsrfToken().loginAs(user).redirects(0),
      client.post(link).withCsrfToken().loginAs(user).redirects(0),
    ])

    assert.deepEqual(
      answers.map((answer) => answer.status()),
      [302, 302]
    )
    const rows = await db
      .from('project_members')
      .where({ project_id: project.id, user_id: user.id })
    assert.lengthOf(rows, 1)
  })

  test('an archived project takes no one in until it is restored', async ({ client, assert }) => {
    const { project, link } = await invite(client)
    const user = await UserFactory.merge({ email: NEWCOMER.email }).create()
    project.archivedAt = DateTime.now()
    await project.save()

    const page = await client.get(link).withInertia().loginAs(user)
    page.assertInertiaPropsContains({
      refusal: 'This project is archived: ask its owner to restore it first.',
    })
    const refused = await client
      .post(link)
      .withCsrfToken()
      .loginAs(user)
      .header('referer', link)
      .redirects(0)

    refused.assertFlashMessage(
      'error',
      'This project is archived: ask its owner to restore it first.'
    )
    assert.isNull(await db.from('project_members').where('user_id', user.id).first())
  })

  test('the members page lists open invitations only', async ({ client }) => {
    const { project, users } = await invite(client)
    const invitation = await ProjectInvitation.firstOrFail()
    invitation.expiresAt = DateTime.now().minus({ minutes: 1 })
    await invitation.save()

    const page = await client
      .get(`/projects/${project.id}/members`)
      .withInertia()
      .loginAs(users.owner)

    page.assertInertiaPropsContains({ invitations: [] })
  })
})
