import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The append-only record of every write to projects, members, tasks, labels and comments: who,
 * when, which record, and which fields changed from what to what. Rows are never updated; they
 * outlive the records they describe (no foreign key on the subject) and their actors.
 */
export default class extends BaseSchema {
  protected tableName = 'activities'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id').notNullable()
      table
        .integer('actor_id')
        .nullable()
        .unsigned()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.integer('project_id').nullable().unsigned()
      table.string('subject_type', 40).notNullable()
      table.string('subject_id', 64).notNullable()
      table.enum('action', ['created', 'updated', 'deleted']).notNullable()
      table.text('changes').notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['subject_type', 'subject_id', 'id'])
      table.index(['project_id', 'id'])
      table.index(['actor_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
