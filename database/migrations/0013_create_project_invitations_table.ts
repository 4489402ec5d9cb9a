import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Invitations to join a project, mailed to an address that has no account yet. Only the token's
 * hash is kept; one open invitation per project and address.
 */
export default class extends BaseSchema {
  protected tableName = 'project_invitations'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table
        .integer('project_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('projects')
        .onDelete('CASCADE')
      table.string('email', 254).notNullable()
      table.enum('role', ['owner', 'editor', 'viewer']).notNullable()
      table.string('token_hash', 64).notNullable().unique()
      table
        .integer('invited_by_id')
        .nullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('expires_at').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['project_id', 'email'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
