import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The dashboard's "assigned to me, due soon" reads tasks by assignee and due date across the
 * user's projects; without this index it scans every task of those projects. It replaces the
 * index on the assignee alone, which it covers.
 */
export default class extends BaseSchema {
  protected tableName = 'tasks'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['assignee_id', 'due_on'], 'tasks_assignee_id_due_on_index')
      table.dropIndex(['assignee_id'])
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['assignee_id'])
      table.dropIndex(['assignee_id', 'due_on'], 'tasks_assignee_id_due_on_index')
    })
  }
}
