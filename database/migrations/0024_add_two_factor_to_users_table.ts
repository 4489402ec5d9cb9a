import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Two-factor sign-in with an authenticator app: the TOTP secret (encrypted with the app key), when
 * its first code confirmed it, and the last time step used, so a code is never accepted twice.
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.text('two_factor_secret').nullable()
      table.timestamp('two_factor_confirmed_at').nullable()
      table.bigInteger('two_factor_last_step').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('two_factor_secret')
      table.dropColumn('two_factor_confirmed_at')
      table.dropColumn('two_factor_last_step')
    })
  }
}
