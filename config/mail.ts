import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, transports } from '@adonisjs/mail'
import { MailboxTransport } from '#services/infrastructure/mailbox_transport'

/*
|--------------------------------------------------------------------------
| Mail
|--------------------------------------------------------------------------
|
| Production sends through SMTP. Development keeps every message under
| tmp/mailbox, listed with its links at /dev/mailbox and logged. Tests
| replace the mailer with the framework's fake.
|
*/
const mailConfig = defineConfig({
  default: env.get('MAIL_MAILER', app.inProduction ? 'smtp' : 'mailbox'),

  from: {
    address: env.get('MAIL_FROM_ADDRESS', 'noreply@atrium.test'),
    name: env.get('MAIL_FROM_NAME', 'Atrium'),
  },

  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', '127.0.0.1'),
      port: env.get('SMTP_PORT', 587),
      secure: env.get('SMTP_SECURE', false),
      ...(env.get('SMTP_USERNAME')
        ? {
            auth: {
              type: 'login' as const,
              user: env.get('SMTP_USERNAME')!,
              pass: env.get('SMTP_PASSWORD', ''),
            },
          }
        : {}),
    }),

    mailbox: () => new MailboxTransport(app.tmpPath('mailbox')),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
