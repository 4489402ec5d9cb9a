import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Personal access tokens of the API guard, stored as hashes. A user's tokens go with the user;
 * a name is unique among one user's tokens.
 */
export default class extends BaseSchema {
  protected tableName = 'auth_access_tokens'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table
        .integer('tokenable_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('type').notNullable()
      table.string('name', 100).notNullable()
      table.string('hash').notNullable()
      table.text('abilities').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.timestamp('last_used_at').nullable()
      table.timestamp('expires_at').nullable()
      table.unique(['tokenable_id', 'name'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
