import { BaseSchema } from '@adonisjs/lucid/schema'

/** Tasks. `version` grows with every update, so a stale edit can be detected and refused. */
export default class extends BaseSchema {
  protected tableName = 'tasks'

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
      table.string('title', 200).notNullable()
      table.text('description').notNullable().defaultTo('')
      table.enum('status', ['todo', 'in_progress', 'done']).notNullable().defaultTo('todo')
      table.smallint('priority').notNullable().defaultTo(0)
      table
        .integer('assignee_id')
        .nullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.date('due_on').nullable()
      table.integer('version').notNullable().defaultTo(1)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['project_id', 'status', 'updated_at'])
      table.index(['assignee_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
