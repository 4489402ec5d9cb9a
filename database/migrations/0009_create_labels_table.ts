import { BaseSchema } from '@adonisjs/lucid/schema'

/** Labels of a project, and which tasks carry them. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('labels', (table) => {
      table.increments('id').notNullable()
      table
        .integer('project_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('projects')
        .onDelete('CASCADE')
      table.string('name', 50).notNullable()
      table.string('color', 7).notNullable()
      table.unique(['project_id', 'name'])
    })

    this.schema.createTable('task_labels', (table) => {
      table
        .integer('task_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('tasks')
        .onDelete('CASCADE')
      table
        .integer('label_id')
        .notNullable()
        .unsigned()
        .references('id')
        .inTable('labels')
        .onDelete('CASCADE')
      table.primary(['task_id', 'label_id'])
      table.index(['label_id'])
    })
  }

  async down() {
    this.schema.dropTable('task_labels')
    this.schema.dropTable('labels')
  }
}
