import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The CSV exports of large admin change lists, written by a background job: who asked, for
 * which model and query, where the job is, and until when the file can be downloaded.
 */
export default class extends BaseSchema {
  protected tableName = 'admin_exports'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('id', 36).primary()
      table.integer('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.string('model', 255).notNullable()
      table.text('query').notNullable()
      table.string('filename', 255).notNullable()
      table.string('status', 16).notNullable()
      table.string('job_id', 64).nullable()
      table.integer('rows').nullable()
      table.integer('rows_done').notNullable().defaultTo(0)
      table.integer('rows_total').nullable()
      table.text('error').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('finished_at').nullable()
      table.timestamp('expires_at').nullable().index()
      table.index(['user_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
