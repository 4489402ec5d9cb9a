import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The passkeys (WebAuthn credentials) of users: the public key and signature counter the server
 * checks a login against. A credential id is unique across all users; a name among one user's.
 */
export default class extends BaseSchema {
  protected tableName = 'passkeys'

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
      table.string('name', 100).notNullable()
      table.text('credential_id').notNullable().unique()
      table.text('public_key').notNullable()
      table.bigInteger('counter').notNullable().defaultTo(0)
      table.text('transports').nullable()
      table.string('device_type', 32).notNullable()
      table.boolean('backed_up').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('last_used_at').nullable()
      table.unique(['user_id', 'name'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
