import env from '#start/env'
import { DateTime } from 'luxon'
import { faker } from '@faker-js/faker'
import User from '#models/user'
import Task from '#models/task'
import Label from '#models/label'
import Comment from '#models/comment'
import Project from '#models/project'
import type { ProjectRole } from '#shared/projects'
import db from '@adonisjs/lucid/services/db'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { addMember } from '#services/projects/project_membership'
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '#sample_data/demo_accounts'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** The demo projects: who is in each, with which role, and how many tasks. */
const DEMO_PROJECTS: {
  name: string
  description: string
  members: Record<string, ProjectRole>
  tasks: number
}[] = [
  {
    name: 'Apollo',
    description: 'The mission website and its launch checklist.',
    members: {
      'grace@atrium.test': 'owner',
      'alan@atrium.test': 'editor',
      'staff@atrium.test': 'viewer',
    },
    tasks: 90,
  },
  {
    name: 'Gemini',
    description: 'Mobile app for the ground crew.',
    members: {
      'alan@atrium.test': 'owner',
      'grace@atrium.test': 'editor',
      'admin@atrium.test': 'viewer',
    },
    tasks: 70,
  },
  {
    name: 'Mercury',
    description: 'Internal tools and small fixes.',
    members: {
      'grace@atrium.test': 'owner',
      'staff@atrium.test': 'editor',
      'alan@atrium.test': 'viewer',
    },
    tasks: 40,
  },
]

const LABELS = [
  ['bug', '#dc2626'],
  ['feature', '#2563eb'],
  ['design', '#9333ea'],
  ['docs', '#059669'],
  ['urgent', '#ea580c'],
] as const

/**
 * Demo data for development: the demo accounts, then three projects with members of each role,
 * about 200 tasks with labels and comments. Same data on every run (fixed random seed); the
 * accounts are upserted, and projects are only created when none exist yet.
 */
export default class MainSeeder extends BaseSeeder {
  static environment = ['development', 'test']

  async run() {
    faker.seed(2026)
    const password = env.get('DEMO_PASSWORD', DEFAULT_DEMO_PASSWORD)
    const users = await User.updateOrCreateMany(
      'email',
      DEMO_ACCOUNTS.map((account) => ({
        email: account.email,
        fullName: account.fullName,
        password,
        isActive: true,
        isStaff: account.isStaff,
        isSuperuser: account.isSuperuser,
        emailVerifiedAt: DateTime.now(),
      }))
    )
    const byEmail = new Map(users.map((user) => [user.email, user]))

    const existing = await db.from('projects').count('* as total').first()
    if (Number(existing?.total ?? 0) > 0) return

    await db.transaction(async (trx) => {
      for (const definition of DEMO_PROJECTS) {
        await this.seedProject(trx, definition, byEmail)
      }
    })
  }

  private async seedProject(
    trx: TransactionClientContract,
    definition: (typeof DEMO_PROJECTS)[number],
    byEmail: Map<string, User>
  ) {
    const members = Object.entries(definition.members).map(([email, role]) => ({
      user: byEmail.get(email)!,
      role,
    }))
    const owner = members.find((member) => member.role === 'owner')!.user

    const project = await Project.create(
      { ownerId: owner.id, name: definition.name, description: definition.description },
      { client: trx }
    )
    for (const member of members) await addMember(project, member.user, member.role, trx)

    const labels: Label[] = []
    for (const [name, color] of LABELS) {
      labels.push(await Label.create({ projectId: project.id, name, color }, { client: trx }))
    }
    const writers = members.filter((member) => member.role !== 'viewer').map((m) => m.user)

    for (let index = 0; index < definition.tasks; index++) {
      const task = await Task.create(
        {
          projectId: project.id,
          title: faker.hacker.phrase().replace(/\.$/, '').slice(0, 200),
          description: faker.lorem.paragraph(),
          status: faker.helpers.weightedArrayElement([
            { value: 'todo', weight: 4 },
            { value: 'in_progress', weight: 2 },
            { value: 'done', weight: 3 },
          ]),
          priority: faker.number.int({ min: 0, max: 3 }),
          assigneeId: faker.datatype.boolean(0.7)
            ? faker.helpers.arrayElement(members).user.id
            : null,
          dueOn: faker.datatype.boolean(0.6)
            ? DateTime.now()
                .plus({ days: faker.number.int({ min: -10, max: 30 }) })
                .startOf('day')
            : null,
          version: 1,
        },
        { client: trx }
      )
      const taskLabels = faker.helpers.arrayElements(labels, { min: 0, max: 2 })
      if (taskLabels.length > 0) {
        await task.related('labels').attach(
          taskLabels.map((label) => label.id),
          trx
        )
      }
      for (let c = faker.number.int({ min: 0, max: 3 }); c > 0; c--) {
        await Comment.create(
          {
            taskId: task.id,
            authorId: faker.helpers.arrayElement(writers).id,
            body: faker.lorem.sentences({ min: 1, max: 3 }),
          },
          { client: trx }
        )
      }
    }
  }
}
