import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The one-time recovery codes of a user with two-factor sign-in, stored as keyed hashes; a used
 * code keeps its row (used_at set) until the codes are made again.
 */
export default class extends BaseSchema {
  protected tableName = 'two_factor_recovery_codes'

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
      table.string('code_hash', 64).notNullable()
      table.timestamp('used_at').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
