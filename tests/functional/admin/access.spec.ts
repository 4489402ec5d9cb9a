import { test } from '@japa/runner'
import type { ApiClient, ApiRequest } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import Task from '#models/task'
import type User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'
import { type ProjectCast, projectWithCast } from '#tests/helpers/projects'
import { staffWith, stored } from '#tests/helpers/admin'

/** Who tries the admin routes, from the most to the least rights. */
const VISITORS = [
  'superuser',
  'viewStaff',
  'addStaff',
  'changeStaff',
  'deleteStaff',
  'bareStaff',
  'user',
  'guest',
] as const
type Visitor = (typeof VISITORS)[number]

/** What a visitor gets: a status, "back" (refused, back to the form), "login", or "done" (302, written). */
type Expected = number | 'back' | 'login' | 'done'

type RouteCase = {
  name: string
  request: (client: ApiClient, cast: ProjectCast) => ApiRequest
  /** Whether the write happened, for the write routes. */
  written?: (cast: ProjectCast) => Promise<boolean>
  expect: Record<Visitor, Expected>
}

const NOBODY_ELSE = { bareStaff: 403, user: 403, guest: 'login' } as const
const NO_WRITE = { bareStaff: 'back', user: 'back', guest: 'login' } as const

const taskForm = (cast: ProjectCast) => ({
  project: cast.project.id,
  title: 'Written by the admin',
  description: '',
  status: 'done',
  priority: 1,
  assignee: null,
  dueOn: null,
  labels: [],
  _version: '1',
})

const ROUTES: RouteCase[] = [
  {
    name: 'GET /admin',
    request: (client) => client.get('/admin'),
    expect: {
      superuser: 200,
      viewStaff: 200,
      addStaff: 200,
      changeStaff: 200,
      deleteStaff: 200,
      bareStaff: 200,
      user: 403,
      guest: 'login',
    },
  },
  {
    name: 'GET the change list',
    request: (client) => client.get('/admin/tasks'),
    expect: {
      superuser: 200,
      viewStaff: 200,
      addStaff: 403,
      changeStaff: 200,
      deleteStaff: 403,
      ...NOBODY_ELSE,
    },
  },
  {
    name: 'GET the CSV export',
    request: (client) => client.get('/admin/tasks/export.csv'),
    expect: {
      superuser: 200,
      viewStaff: 200,
      addStaff: 403,
      changeStaff: 200,
      deleteStaff: 403,
      ...NOBODY_ELSE,
    },
  },
  {
    name: "GET the user's exports",
    request: (client) => client.get('/admin/exports'),
    expect: {
      superuser: 200,
      viewStaff: 200,
      addStaff: 200,
      changeStaff: 200,
      deleteStaff: 200,
      bareStaff: 200,
      user: 403,
      guest: 'login',
    },
  },
  {
    name: 'GET a relation lookup',
    request: (client) =>
      client.get('/admin/tasks/lookup/project?q=Apo').header('accept', 'application/json'),
    expect: {
      superuser: 200,
      viewStaff: 200,
      addStaff: 200,
      changeStaff: 200,
      deleteStaff: 403,
      bareStaff: 403,
      user: 403,
      guest: 401,
    },
  },
  {
    name: 'GET the add form',
    request: (client) => client.get('/admin/tasks/add'),
    expect: {
      superuser: 200,
      viewStaff: 403,
      addStaff: 200,
      changeStaff: 403,
      deleteStaff: 403,
      ...NOBODY_ELSE,
    },
  },
  {
    name: 'POST a new task',
    request: (client, cast) => client.post('/admin/tasks').json(taskForm(cast)),
    written: async () => (await Task.findBy('title', 'Written by the admin')) !== null,
    expect: {
      superuser: 'done',
      viewStaff: 'back',
      addStaff: 'done',
      changeStaff: 'back',
      deleteStaff: 'back',
      ...NO_WRITE,
    },
  },
  {
    name: 'GET the change form',
    request: (client, cast) => client.get(`/admin/tasks/${cast.task.id}`),
    expect: {
      superuser: 200,
      viewStaff: 200,
      addStaff: 403,
      changeStaff: 200,
      deleteStaff: 403,
      ...NOBODY_ELSE,
    },
  },
  {
    name: 'PUT a change',
    request: (client, cast) => client.put(`/admin/tasks/${cast.task.id}`).json(taskForm(cast)),
    written: async (cast) => (await stored(Task, cast.task.id, 'title')) === 'Written by the admin',
    expect: {
      superuser: 'done',
      viewStaff: 'back',
      addStaff: 'back',
      changeStaff: 'done',
      deleteStaff: 'back',
      ...NO_WRITE,
    },
  },
  {
    name: 'GET the history',
    request: (client, cast) => client.get(`/admin/tasks/${cast.task.id}/history`),
    expect: {
      superuser: 200,
      viewStaff: 200,
      addStaff: 403,
      changeStaff: 200,
      deleteStaff: 403,
      ...NOBODY_ELSE,
    },
  },
  {
    name: 'GET the delete confirmation',
    request: (client, cast) => client.get(`/admin/tasks/delete?ids=${cast.task.id}`),
    expect: {
      superuser: 200,
      viewStaff: 403,
      addStaff: 403,
      changeStaff: 403,
      deleteStaff: 200,
      ...NOBODY_ELSE,
    },
  },
  {
    name: 'DELETE tasks',
    request: (client, cast) => client.delete('/admin/tasks').json({ ids: [String(cast.task.id)] }),
    written: async (cast) => (await Task.find(cast.task.id)) === null,
    expect: {
      superuser: 'done',
      viewStaff: 'back',
      addStaff: 'back',
      changeStaff: 'back',
      deleteStaff: 'done',
      ...NO_WRITE,
    },
  },
  {
    name: 'POST a bulk action',
    request: (client, cast) =>
      client
        .post('/admin/tasks/actions')
        .json({ action: 'mark_done', ids: [String(cast.task.id)] }),
    written: async (cast) => (await stored(Task, cast.task.id, 'status')) === 'done',
    expect: {
      superuser: 'done',
      viewStaff: 'back',
      addStaff: 'back',
      changeStaff: 'done',
      deleteStaff: 'back',
      ...NO_WRITE,
    },
  },
]

async function visitorOf(name: Visitor): Promise<User | null> {
  switch (name) {
    case 'superuser':
      return UserFactory.apply('superuser').create()
    case 'viewStaff':
      return staffWith(['task.view', 'project.view'])
    case 'addStaff':
      return staffWith(['task.add'])
    case 'changeStaff':
      return staffWith(['task.change'])
    case 'deleteStaff':
      return staffWith(['task.delete'])
    case 'bareStaff':
      return staffWith([])
    case 'user':
      return UserFactory.create()
    case 'guest':
      return null
  }
}

test.group('Admin | access to every route', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const route of ROUTES) {
    for (const visitor of VISITORS) {
      const expected = route.expect[visitor]
      test(`${route.name} as ${visitor} → ${expected}`, async ({ client, assert }) => {
        const cast = await projectWithCast()
        const user = await visitorOf(visitor)
        let request = route.request(client, cast).withCsrfToken().redirects(0)
        if (user) request = request.loginAs(user)

        const response = await request

        if (expected === 'login') {
          response.assertStatus(302)
          assert.match(response.header('location') ?? '', /\/login/)
        } else if (expected === 'back') {
          response.assertStatus(302)
          response.assertFlashMessage('error', 'You are not allowed to do this.')
        } else if (expected === 'done') {
          response.assertStatus(302)
        } else {
          response.assertStatus(expected)
        }
        if (route.written) assert.equal(await route.written(cast), expected === 'done')
      })
    }
  }
})
