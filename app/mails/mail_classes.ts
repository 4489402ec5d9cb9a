import type { BaseMail } from '@adonisjs/mail'
import VerifyEmailNotification from '#mails/verify_email_notification'
import ResetPasswordNotification from '#mails/reset_password_notification'
import ProjectInvitationNotification from '#mails/project_invitation_notification'
import ExportReadyNotification from '#mails/export_ready_notification'
import SecurityNotification from '#mails/security_notification'

/**
 * The mails Atrium sends, by the name a queued mail job stores. A mail is queued with its
 * constructor's arguments (plain data) and built by the worker that sends it: add a new mail here.
 */
export const MAIL_CLASSES = {
  VerifyEmailNotification,
  ResetPasswordNotification,
  ProjectInvitationNotification,
  ExportReadyNotification,
  SecurityNotification,
} satisfies Record<string, new (...args: any[]) => BaseMail>

/** A mail class Atrium can queue. */
export type MailClass = (typeof MAIL_CLASSES)[keyof typeof MAIL_CLASSES]

/** The name `Mail` is stored under; throws for a mail missing from MAIL_CLASSES. */
export function mailClassName(Mail: MailClass): string {
  const entry = Object.entries(MAIL_CLASSES).find(([, candidate]) => candidate === Mail)
  if (!entry) throw new Error(`${Mail.name} is not in MAIL_CLASSES (app/mails/mail_classes.ts)`)
  return entry[0]
}

/** The mail class stored under `name`; throws for an unknown name. */
export function mailClassNamed(name: string): new (...args: any[]) => BaseMail {
  const Mail = (MAIL_CLASSES as Record<string, new (...args: any[]) => BaseMail>)[name]
  if (!Mail) throw new Error(`No mail class is named "${name}" in app/mails/mail_classes.ts`)
  return Mail
}
