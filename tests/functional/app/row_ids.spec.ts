import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Task from '#models/task'
import adminSite from '#admin/admin_site'
import { memberOf } from '#introspection/model_fields'
import { adminUrls } from '#admin/urls'
import router from '@adonisjs/core/services/router'
import { ROW_ID } from '#validators/rules/row_id'
import { MAX_ID } from '#validators/rules/numbers'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { staffWith } from '#tests/helpers/admin'
import { ROW_PARAM } from '#tests/helpers/route_walk'

/** Route ids that name no row: not a positive integer, or beyond an `integer` column. */
const BAD_IDS = [
  'abc',
  '1.5',
  '-1',
  '0',
  '01',
  'NaN',
  'undefined',
  '2147483648',
  '99999999999',
  '99999999999999999999',
  '%00',
]

type Method = 'post' | 'put' | 'patch' | 'delete'

/** The fields a JSON refusal names. */
function fieldsOf(body: { errors?: { field?: string }[] }) {
  return (body.errors ?? []).map((error) => error.field)
}

test.group('Row ids | routes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every route parameter that names a row matches only row ids', ({ assert }) => {
    const params = Object.values(router.toJSON())
      .flat()
      .flatMap((route) =>
        route.tokens
          .filter((token) => token.type !== 0 && ROW_PARAM.test(token.val))
          .map((token) => ({ route: route.pattern, param: token.val, matcher: token.matcher }))
      )

    assert.isAbove(params.length, 20)
    assert.deepEqual(
      params.filter(({ matcher }) => matcher !== ROW_ID),
      []
    )
  })

  test('an app URL whose id names no row answers 404', async ({ client, assert }) => {
    const { project, task, label, users } = await projectWithCast()
    const p = project.id
    const urls = (id: string) => [
      `/projects/${id}`,
      `/projects/${id}/settings`,
      `/projects/${id}/tasks`,
      `/projects/${id}/board`,
      `/projects/${p}/tasks/${id}`,
      `/projects/${id}/tasks/${task.id}`,
    ]
    const writes = (id: string): [Method, string, Record<string, unknown>][] => [
      ['put', `/projects/${p}/members/${id}`, { role: 'viewer' }],
      ['delete', `/projects/${p}/members/${id}`, {}],
      ['delete', `/projects/${p}/invitations/${id}`, {}],
      ['put', `/projects/${p}/labels/${id}`, { name: 'x', color: '#000000' }],
      ['delete', `/projects/${p}/labels/${id}`, {}],
      ['patch', `/projects/${p}/board/tasks/${id}`, { status: 'done', from: 'todo' }],
      ['post', `/projects/${p}/tasks/${id}/comments`, { body: 'hi' }],
      ['delete', `/projects/${p}/tasks/${task.id}/comments/${id}`, {}],
    ]
    const answers: string[] = []
    for (const id of BAD_IDS) {
      for (const url of urls(id)) {
        const response = await client.get(url).accept('json').loginAs(users.owner)
        answers.push(`GET ${url} ${response.status()}`)
      }
      for (const [method, url, body] of writes(id)) {
        const response = await client[method](url)
          .json(body)
          .accept('json')
          .withCsrfToken()
          .loginAs(users.owner)
        answers.push(`${method} ${url} ${response.status()}`)
      }
    }
    assert.deepEqual(
      answers.filter((answer) => !answer.endsWith(' 404')),
      []
    )
    await label.refresh()
    assert.equal(label.name, 'bug')
  })

  test('the highest id an integer column holds is a row id like any other', async ({ client }) => {
    const { project, users } = await projectWithCast()
    await Task.create({
      id: MAX_ID,
      projectId: project.id,
      title: 'At the edge',
      status: 'todo',
      priority: 0,
      version: 1,
    })

    const response = await client
      .get(`/projects/${project.id}/tasks/${MAX_ID}`)
      .withInertia()
      .loginAs(users.viewer)

    response.assertStatus(200)
    response.assertInertiaPropsContains({ task: { id: MAX_ID, title: 'At the edge' } })
  })

  test('an admin URL whose id names no row answers 404', async ({ client, assert }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const answers: string[] = []
    for (const admin of adminSite.all()) {
      for (const id of BAD_IDS) {
        const change = `${adminUrls.changeList(admin)}/${id}`
        for (const url of [change, `${change}/history`]) {
          const response = await client.get(url).loginAs(superuser)
          answers.push(`${url} ${response.status()}`)
        }
      }
    }
    assert.deepEqual(
      answers.filter((answer) => !answer.endsWith(' 404')),
      []
    )
  })

  test('a staff user without permissions following a link to an undefined group gets 404', async ({
    client,
  }) => {
    const staff = await staffWith([])

    const response = await client.get('/admin/groups/undefined').loginAs(staff)

    response.assertStatus(404)
  })
})

test.group('Row ids | query values', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('tasks list filters naming ids beyond an integer column are refused', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    for (const query of ['assignee=9999999999', 'assignee=2147483648', 'label=2147483648']) {
      const response = await client
        .get(`/projects/${project.id}/tasks?${query}`)
        .accept('json')
        .loginAs(users.viewer)
      response.assertStatus(422)
      assert.deepEqual(fieldsOf(response.body()), [query.split('=')[0]])
    }
  })

  test('every relation filter of every admin change list and export refuses ids that name no row', async ({
    client,
    assert,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const answers: string[] = []
    for (const admin of adminSite.all()) {
      const relations = admin.listFilter.filter(
        (name) => memberOf(admin.model, name)?.kind === 'belongsTo'
      )
      for (const name of relations) {
        for (const value of ['2147483648', '99999999999999999999', 'abc', '0']) {
          for (const url of [adminUrls.changeList(admin), adminUrls.export(admin)]) {
            const response = await client
              .get(`${url}?${name}=${value}`)
              .accept('json')
              .loginAs(superuser)
            answers.push(`${url}?${name}=${value} ${response.status()}`)
          }
        }
      }
    }
    assert.isAbove(answers.length, 0)
    assert.deepEqual(
      answers.filter((answer) => !answer.endsWith(' 400')),
      []
    )
  })

  test('admin id lists that name no row are refused with a message', async ({ client, assert }) => {
    const superuser = await UserFactory.apply('superuser').create()
    const { task } = await projectWithCast()
    const answers: string[] = []
    for (const ids of ['abc', '1.5', '-1', '0', '2147483648', '99999999999999999999', '%00']) {
      for (const query of [`ids=${ids}`, `ids[]=${ids}`, `ids=${task.id},${ids}`]) {
        const response = await client
          .get(`/admin/tasks/delete?${query}`)
          .accept('json')
          .loginAs(superuser)
        answers.push(`?${query} ${response.status()}`)
      }
      for (const [label, request] of [
        ['delete', client.delete('/admin/tasks').json({ ids: [ids] })],
        ['action', client.post('/admin/tasks/actions').json({ action: 'mark_done', ids: [ids] })],
      ] as const) {
        const response = await request.accept('json').withCsrfToken().loginAs(superuser)
        answers.push(`${label} ${ids} ${response.status()}`)
      }
    }
    assert.deepEqual(
      answers.filter((answer) => !answer.endsWith(' 422')),
      []
    )
    const kept = await Task.findOrFail(task.id)
    assert.equal(kept.status, 'todo')
  })

  test('a relation lookup for a number beyond an integer column finds nothing', async ({
    client,
  }) => {
    const superuser = await UserFactory.apply('superuser').create()

    const response = await client
      .get('/admin/tasks/lookup/project?q=99999999999')
      .accept('json')
      .loginAs(superuser)

    response.assertStatus(200)
    response.assertBody({ results: [] })
  })
})
