import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { enqueue } from '#queue/enqueue'
import SendMailJob from '#jobs/send_mail_job'
import { mailClassName, type MailClass } from '#mails/mail_classes'

/**
 * Queues a mail: a worker builds `Mail` from `args` and sends it, retrying a failing mail server.
 * With `client`, the mail is queued in that transaction: it goes out only if the data it belongs
 * to is committed. `mailer` names another mailer of config/mail.ts than the default. Every mail
 * Atrium sends goes through here.
 */
export async function queueMail<M extends MailClass>(
  Mail: M,
  args: ConstructorParameters<M>,
  options: { client?: TransactionClientContract; mailer?: string } = {}
): Promise<void> {
  const payload = {
    mail: mailClassName(Mail),
    args: [...args],
    ...(options.mailer ? { mailer: options.mailer } : {}),
  }
  await enqueue(SendMailJob, payload, { client: options.client })
}
