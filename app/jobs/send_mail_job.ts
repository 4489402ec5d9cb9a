import mail from '@adonisjs/mail/services/main'
import type { JobOptions } from '@boringnode/queue/types'
import { AppJob } from '#queue/app_job'
import { mailClassNamed } from '#mails/mail_classes'

/** A mail to send: its class's name, its constructor's arguments, and the mailer if not the default. */
export type SendMailPayload = { mail: string; args: unknown[]; mailer?: string }

/**
 * Sends one mail. A mail server that refuses or times out fails the attempt, and the queue
 * retries it with exponential backoff and jitter; after the last retry the job is kept as failed
 * with the server's error, for staff to retry from the admin.
 */
export default class SendMailJob extends AppJob<SendMailPayload> {
  static options: JobOptions = { name: 'SendMailJob', timeout: '2m' }

  protected async handle() {
    const Mail = mailClassNamed(this.payload.mail)
    const mailer = this.payload.mailer ? mail.use(this.payload.mailer as never) : mail.use()
    await mailer.send(new Mail(...this.payload.args))
  }
}
