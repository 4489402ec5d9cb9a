import { DateTime } from 'luxon'
import type { Readable } from 'node:stream'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Creates an account from the command line, like Django's `createsuperuser`: the same rules as
 * sign-up (unique email, a password that is long enough and not guessable). Asks for what the
 * flags leave out when run in a terminal; scripts pass everything, the password on stdin.
 */
export default class UserCreate extends BaseCommand {
  static commandName = 'user:create'
  static description = 'Create a user account (staff or superuser with the flags)'
  static help = [
    'Interactive: node ace user:create (asks for name, email and the password twice)',
    'Scripts: echo "$PASSWORD" | node ace user:create --email=a@b.c --name="Ada" --password-stdin',
  ]

  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Email address of the account' })
  declare email?: string

  @flags.string({ description: 'Full name' })
  declare name?: string

  @flags.boolean({ description: 'Read the password from standard input (first line)' })
  declare passwordStdin: boolean

  @flags.boolean({ description: 'May enter the admin site' })
  declare staff: boolean

  @flags.boolean({ description: 'Has every permission (implies --staff)' })
  declare superuser: boolean

  /** Where --password-stdin reads from (tests give their own). */
  stdin: Readable = process.stdin

  async run() {
    const { default: User } = await import('#models/user')
    const { createUserValidator } = await import('#validators/user')
    const { readNewPassword, validatedOrReported } = await import('#cli/password_input')

    const fullName = this.name ?? (await this.prompt.ask('Full name'))
    const email = this.email ?? (await this.prompt.ask('Email'))
    const password = await readNewPassword({
      prompt: this.prompt,
      fromStdin: this.passwordStdin,
      stdin: this.stdin,
    })

    const values = await validatedOrReported(
      createUserValidator.validate({ fullName, email, ...password }),
      this.logger
    )
    if (!values) {
      this.exitCode = 1
      return
    }

    const user = await User.create({
      fullName: values.fullName,
      email: values.email,
      password: values.password,
      emailVerifiedAt: DateTime.now(),
      isStaff: Boolean(this.staff || this.superuser),
      isSuperuser: Boolean(this.superuser),
    })
    const kind = user.isSuperuser ? 'Superuser' : user.isStaff ? 'Staff user' : 'User'
    this.logger.success(`${kind} ${user.email} created (id ${user.id})`)
  }
}
