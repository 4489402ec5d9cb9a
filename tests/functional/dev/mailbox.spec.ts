import { test } from '@japa/runner'
import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import mail from '@adonisjs/mail/services/main'
import VerifyEmailNotification from '#mails/verify_email_notification'

test.group('Development mailbox', (group) => {
  group.each.setup(async () => {
    await rm(app.tmpPath('mailbox'), { recursive: true, force: true })
    return () => rm(app.tmpPath('mailbox'), { recursive: true, force: true })
  })

  test('keeps sent mails and lists them with their links', async ({ client, assert }) => {
    await mail
      .use('mailbox')
      .send(
        new VerifyEmailNotification(
          { email: 'ada@example.com', fullName: 'Ada Lovelace' },
          'http://localhost:3333/email/verify/1/abc?signature=xyz&expires=1'
        )
      )

    const response = await client.get('/dev/mailbox').withInertia()

    response.assertInertiaComponent('dev/mailbox')
    const messages = response.inertiaProps.messages as Array<Record<string, unknown>>
    assert.lengthOf(messages, 1)
    assert.containSubset(messages[0], {
      to: ['ada@example.com'],
      subject: 'Verify your email address',
      links: ['http://localhost:3333/email/verify/1/abc?signature=xyz&expires=1'],
    })
    assert.include(messages[0].text as string, 'Hello Ada Lovelace,')
  })

  test('shows an empty mailbox', async ({ client }) => {
    const response = await client.get('/dev/mailbox').withInertia()

    response.assertInertiaPropsContains({ messages: [] })
  })
})
