import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'
import { BaseMail } from '@adonisjs/mail'
import { MAIL_CLASSES } from '#mails/mail_classes'

/** The one place allowed to hand a mail to the mailer: the job that sends queued mails. */
const SENDER = 'app/jobs/send_mail_job.ts'

test.group('Mail | every mail goes through the queue', () => {
  test('no server code but the mail job sends a mail directly', async ({ assert }) => {
    const direct: string[] = []
    for (const folder of ['app', 'start', 'commands']) {
      const root = app.makePath(folder)
      const entries = await readdir(root, { recursive: true, withFileTypes: true })
      for (const entry of entries.filter((file) => file.isFile() && file.name.endsWith('.ts'))) {
        const path = relative(app.makePath(), join(entry.parentPath, entry.name))
        const source = await readFile(app.makePath(path), 'utf8')
        if (path !== SENDER && /\bmail\.(send|sendLater|use)\(|\.sendCompiled\(/.test(source)) {
          direct.push(path)
        }
      }
    }
    assert.deepEqual(direct, [])
  })

  test('every mail class of app/mails can be queued', async ({ assert }) => {
    const names = await readdir(app.makePath('app/mails'))
    const files = names.filter((name) => name.endsWith('.ts'))
    const classes: Function[] = []
    for (const file of files) {
      const module = await import(app.makePath('app/mails', file))
      const exported = module.default
      if (typeof exported === 'function' && exported.prototype instanceof BaseMail) {
        classes.push(exported)
      }
    }
    // A class other mails extend (ActionMail) is a base, not a mail to send.
    const mailClasses = classes
      .filter((mail) => !classes.some((other) => other.prototype instanceof mail))
      .map((mail) => mail.name)
    assert.isNotEmpty(mailClasses)
    assert.sameMembers(mailClasses, Object.keys(MAIL_CLASSES))
  })
})
