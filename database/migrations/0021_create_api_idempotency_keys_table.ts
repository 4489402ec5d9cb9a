import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The answers of API calls sent with an Idempotency-Key, per user, kept for a day: a retry with
 * the same key replays the first answer instead of creating again.
 */
export default class extends BaseSchema {
  protected tableName = 'api_idempotency_keys'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('key', 255).notNullable()
      table.string('fingerprint', 64).notNullable()
      table.string('claim', 36).notNullable()
      table.integer('status').nullable()
      table.text('body').nullable()
      table.text('headers').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('expires_at').notNullable().index()
      table.unique(['user_id', 'key'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
