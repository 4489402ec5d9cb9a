import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Django-style permissions for the admin site: a catalog of `<model key>.<action>` codenames
 * ("task.view"), groups of them, and who holds which, directly or through a group.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('permissions', (table) => {
      table.increments('id').notNullable()
      table.string('codename', 100).notNullable().unique()
      table.string('name', 255).notNullable()
    })

    this.schema.createTable('groups', (table) => {
      table.increments('id').notNullable()
      table.string('name', 150).notNullable().unique()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('group_permissions', (table) => {
      table
        .integer('group_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('groups')
        .onDelete('CASCADE')
      table
        .integer('permission_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('permissions')
        .onDelete('CASCADE')
      table.primary(['group_id', 'permission_id'])
      table.index(['permission_id'])
    })

    this.schema.createTable('user_groups', (table) => {
      table
        .integer('user_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .integer('group_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('groups')
        .onDelete('CASCADE')
      table.primary(['user_id', 'group_id'])
      table.index(['group_id'])
    })

    this.schema.createTable('user_permissions', (table) => {
      table
        .integer('user_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table
        .integer('permission_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('permissions')
        .onDelete('CASCADE')
      table.primary(['user_id', 'permission_id'])
      table.index(['permission_id'])
    })
  }

  async down() {
    this.schema.dropTable('user_permissions')
    this.schema.dropTable('user_groups')
    this.schema.dropTable('group_permissions')
    this.schema.dropTable('groups')
    this.schema.dropTable('permissions')
  }
}
