import { BaseSchema } from '@adonisjs/lucid/schema'

/** Accounts, with Django-style flags: is_active, is_staff, is_superuser. */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table.string('full_name', 120).notNullable()
      table.string('email', 254).notNullable().unique()
      table.string('password').notNullable()
      table.timestamp('email_verified_at').nullable()
      table.boolean('is_active').notNullable().defaultTo(true)
      table.boolean('is_staff').notNullable().defaultTo(false)
      table.boolean('is_superuser').notNullable().defaultTo(false)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
