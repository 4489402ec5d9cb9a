import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The logged-in sessions of each user, for the "active sessions" page and for ending sessions from
 * the server (log out others, password reset, deactivation). Keys are stored as SHA-256 hashes.
 */
export default class extends BaseSchema {
  protected tableName = 'user_sessions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table
        .integer('user_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('key_hash', 64).notNullable().unique()
      table.string('ip_address', 64).nullable()
      table.string('user_agent', 512).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('last_seen_at').notNullable()
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
