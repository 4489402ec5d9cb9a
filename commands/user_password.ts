import type { Readable } from 'node:stream'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Sets a user's password from the command line, like Django's `changepassword`, with the rules of
 * the password forms. Every session, "remember me" token and pending reset link of the account
 * ends, as after a reset.
 */
export default class UserPassword extends BaseCommand {
  static commandName = 'user:password'
  static description = "Set a user's password and end their sessions"

  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Email address of the account' })
  declare email: string

  @flags.boolean({ description: 'Read the password from standard input (first line)' })
  declare passwordStdin: boolean

  /** Where --password-stdin reads from (tests give their own). */
  stdin: Readable = process.stdin

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { default: User } = await import('#models/user')
    const { resetPasswordValidator } = await import('#validators/password_reset')
    const { endUserSessions } = await import('#services/accounts/session_tracker')
    const { readNewPassword, validatedOrReported } = await import('#cli/password_input')

    const user = await User.findBy('email', this.email.trim().toLowerCase())
    if (!user) {
      this.logger.error(`No account uses ${this.email}`)
      this.exitCode = 1
      return
    }

    const password = await readNewPassword({
      prompt: this.prompt,
      fromStdin: this.passwordStdin,
      stdin: this.stdin,
    })
    const values = await validatedOrReported(
      resetPasswordValidator.validate(password, { meta: { user } }),
      this.logger
    )
    if (!values) {
      this.exitCode = 1
      return
    }

    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.password = values.password
      await user.save()
      await endUserSessions(user, trx)
    })
    this.logger.success(`Password of ${user.email} changed; their sessions have ended`)
  }
}
