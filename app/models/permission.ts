import { BaseModel, column } from '@adonisjs/lucid/orm'

/**
 * One entry of the admin's permission catalog: `codename` is `<model key>.<action>` ("task.view"),
 * `name` what people read ("Can view task"). Held by users directly or through groups.
 */
export default class Permission extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare codename: string

  @column()
  declare name: string
}
