import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Gives membership rows their own id, so they are records like any other (the admin edits them
 * one by one); a project still has each user at most once. The table is rebuilt, which works
 * the same on SQLite and PostgreSQL: nothing references it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('project_members_rebuilt', (table) => {
      table.increments('id').notNullable()
      table
        .integer('project_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('projects')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.enum('role', ['owner', 'editor', 'viewer']).notNullable()
      table.unique(['project_id', 'user_id'], { indexName: 'project_members_project_user_unique' })
      table.index(['user_id'], 'project_members_user_index')
    })
    this.defer(async (db) => {
      await db.rawQuery(
        'insert into project_members_rebuilt (project_id, user_id, role) ' +
          'select project_id, user_id, role from project_members order by project_id, user_id'
      )
    })
    this.schema.dropTable('project_members')
    this.schema.renameTable('project_members_rebuilt', 'project_members')
  }

  async down() {
    this.schema.createTable('project_members_composite', (table) => {
      table
        .integer('project_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('projects')
        .onDelete('CASCADE')
      table
        .integer('user_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.enum('role', ['owner', 'editor', 'viewer']).notNullable()
      table.primary(['project_id', 'user_id'])
      table.index(['user_id'], 'project_members_composite_user_index')
    })
    this.defer(async (db) => {
      await db.rawQuery(
        'insert into project_members_composite (project_id, user_id, role) ' +
          'select project_id, user_id, role from project_members'
      )
    })
    this.schema.dropTable('project_members')
    this.schema.renameTable('project_members_composite', 'project_members')
  }
}
