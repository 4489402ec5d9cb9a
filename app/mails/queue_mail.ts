import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { enqueue } from '#queue/enqueue'
import SendMailJob from '#jobs/send_mail_job'
import { mailClassName, type MailClass } from '#mails/mail_classes'

/**
 * Queues a mail: a worker builds `Mail` from `args` and sends it, retrying a failing mail server.
 * With `client`, the mail is queued in that transaction: it goes out only if the data it belongs
 * to is committed. Every mail Atrium sends goes through here.
 */
export async function queueMail<M extends MailClass>(
  Mail: M,
  args: ConstructorParameters<M>,
  options: { client?: TransactionClientContract } = {}
): Promise<void> {
  await enqueue(SendMailJob, { mail: mailClassName(Mail), args: [...args] }, options)
}
