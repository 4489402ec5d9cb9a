import { BaseSchema } from '@adonisjs/lucid/schema'
import { QueueSchemaService } from '@boringnode/queue'

/**
 * The durable job queue on the database (the queue library's own tables), with three columns of
 * Atrium's on each job: when it was enqueued, its progress and the error of its last attempt.
 * The outbox holds the jobs a transaction enqueued until it commits.
 */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const schema = new QueueSchemaService(db.getWriteClient())
      await schema.createJobsTable('queue_jobs', (table) => {
        table.timestamp('created_at').notNullable().defaultTo(this.now())
        table.float('progress').nullable()
        table.text('last_error').nullable()
      })
      await schema.createSchedulesTable('queue_schedules')
    })
    this.schema.createTable('queue_outbox', (table) => {
      table.string('id', 36).primary()
      table.string('job_name', 255).notNullable()
      table.text('payload').notNullable()
      table.timestamp('created_at').notNullable().defaultTo(this.now()).index()
    })
  }

  async down() {
    this.schema.dropTable('queue_outbox')
    this.schema.dropTableIfExists('queue_schedules')
    this.schema.dropTableIfExists('queue_jobs')
  }
}
