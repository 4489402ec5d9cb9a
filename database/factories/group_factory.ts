import Group from '#models/group'
import factory from '@adonisjs/lucid/factories'

/** Admin groups for tests and seeds, with unique names. */
export const GroupFactory = factory
  .define(Group, ({ faker }) => ({
    name: `${faker.person.jobArea()} ${faker.string.alphanumeric(8)}`,
  }))
  .build()
