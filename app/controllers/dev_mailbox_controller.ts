import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import { readMailbox } from '#services/infrastructure/mailbox_transport'

/** Development only: the mails the app "sent", with their links, newest first. */
export default class DevMailboxController {
  async index({ inertia }: HttpContext) {
    const messages = await readMailbox(app.tmpPath('mailbox'))
    return inertia.render('dev/mailbox', {
      messages: messages.map(({ id, sentAt, to, subject, text, links }) => ({
        id,
        sentAt,
        to,
        subject,
        text,
        links,
      })),
    })
  }
}
