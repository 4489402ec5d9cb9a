import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The admin's tasks list filtered by status, newest first: with this index the database walks the
 * tasks of one status in id order and stops at the page's end. Without it SQLite sorted every task
 * of that status (340 ms at 1,000,000 tasks with a search, 2 ms with the index).
 */
export default class extends BaseSchema {
  protected tableName = 'tasks'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['status', 'id'], 'tasks_status_id_index')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['status', 'id'], 'tasks_status_id_index')
    })
  }
}
