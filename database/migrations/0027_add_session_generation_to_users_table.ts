import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A counter raised each time every session of a user is ended (password changed or reset, "log
 * out other sessions", a second factor turned on…): a login waiting for its second step from
 * before no longer finishes.
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.integer('session_generation').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('session_generation')
    })
  }
}
