import { BaseSchema } from '@adonisjs/lucid/schema'

/** Each user's IANA time zone, in which pages show dates and times and reckon "today". */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('time_zone', 64).notNullable().defaultTo('UTC')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('time_zone')
    })
  }
}
