import factory from '@adonisjs/lucid/factories'
import Project from '#models/project'
import Task from '#models/task'
import Label from '#models/label'
import Comment from '#models/comment'
import { UserFactory } from '#database/factories/user_factory'
import { TASK_STATUSES } from '#shared/tasks'

/** Comments for tests and seeds. */
export const CommentFactory = factory
  .define(Comment, ({ faker }) => ({ body: faker.lorem.sentences({ min: 1, max: 3 }) }))
  .build()

/** Labels for tests and seeds. */
export const LabelFactory = factory
  .define(Label, ({ faker }) => ({
    name: faker.word.noun().slice(0, 40),
    color: faker.color.rgb({ format: 'hex' }),
  }))
  .build()

/** Tasks for tests and seeds. */
export const TaskFactory = factory
  .define(Task, ({ faker }) => ({
    title: faker.lorem.sentence({ min: 3, max: 7 }).slice(0, 200),
    description: faker.lorem.paragraph(),
    status: faker.helpers.arrayElement(TASK_STATUSES),
    priority: faker.number.int({ min: 0, max: 3 }),
    version: 1,
  }))
  .relation('comments', () => CommentFactory)
  .build()

/** Projects for tests and seeds; `.with('owner')` makes the owner too. */
export const ProjectFactory = factory
  .define(Project, ({ faker }) => ({
    name: faker.company.catchPhrase().slice(0, 120),
    description: faker.lorem.sentence(),
  }))
  .relation('owner', () => UserFactory)
  .relation('tasks', () => TaskFactory)
  .relation('labels', () => LabelFactory)
  .build()
