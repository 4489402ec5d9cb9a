import env from '#start/env'
import { DateTime } from 'luxon'
import User from '#models/user'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '#services/demo_accounts'

/** Demo data for development: the demo accounts. Safe to run twice (upsert by email). */
export default class MainSeeder extends BaseSeeder {
  static environment = ['development', 'test']

  async run() {
    const password = env.get('DEMO_PASSWORD', DEFAULT_DEMO_PASSWORD)
    const verifiedAt = DateTime.now()

    await User.updateOrCreateMany(
      'email',
      DEMO_ACCOUNTS.map((account) => ({
        email: account.email,
        fullName: account.fullName,
        password,
        isActive: true,
        isStaff: account.isStaff,
        isSuperuser: account.isSuperuser,
        emailVerifiedAt: verifiedAt,
      }))
    )
  }
}
