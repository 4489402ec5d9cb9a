import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import type { AdminChangeFormProps, AdminIndexProps } from '#admin/types'
import Task from '#models/task'
import type User from '#models/user'
import Group from '#models/group'
import { UserFactory } from '#database/factories/user_factory'
import { projectWithCast } from '#tests/helpers/projects'
import { staffWith } from '#tests/helpers/admin'

/** How many entries the activity record holds. */
async function activityCount(): Promise<number> {
  const result = await db.from('activities').count('* as total').first()
  return Number(result?.total ?? 0)
}

test.group('Admin | what a page gives away', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('staff who may not open a model get the same answer for a missing row as for a real one', async ({
    client,
    assert,
  }) => {
    const cast = await projectWithCast()
    const real = cast.task.id
    const visitors = { bare: await staffWith([]), adder: await staffWith(['task.add']) }
    const support = await Group.create({ name: 'Support' })

    for (const [name, staff] of Object.entries(visitors)) {
      const answers: Record<string, number> = {}
      for (const url of [
        `/admin/tasks/${real}`,
        '/admin/tasks/999999',
        `/admin/tasks/${real}/history`,
        '/admin/tasks/999999/history',
        `/admin/groups/${support.id}`,
        '/admin/groups/999999',
      ]) {
        const response = await client.get(url).loginAs(staff).redirects(0)
        answers[url] = response.status()
      }
      assert.deepEqual(new Set(Object.values(answers)), new Set([403]), name)
      // An id that is no row id names nothing at all: 404 for everyone (see row_ids.spec.ts).
      const malformed = await client.get('/admin/groups/undefined').loginAs(staff).redirects(0)
      assert.equal(malformed.status(), 404, `${name} /admin/groups/undefined`)

      for (const id of [real, 999_999]) {
        const response = await client
          .put(`/admin/tasks/${id}`)
          .json({ title: 'Probe' })
          .withCsrfToken()
          .accept('json')
          .loginAs(staff)
        assert.equal(response.status(), 403, `${name} PUT ${id}`)
      }
    }
    const task = await Task.findOrFail(real)
    assert.equal(task.title, 'Check the fuel')
  })

  test('recent actions link only to rows that still exist and that the user may open', async ({
    client,
    assert,
  }) => {
    const adder = await staffWith(['group.add'])
    const superuser = await UserFactory.apply('superuser').create()
    for (const [user, name] of [
      [adder, 'Added by staff'],
      [superuser, 'Kept'],
      [superuser, 'Deleted later'],
    ] as const) {
      await client
        .post('/admin/groups')
        .json({ name, permissions: [] })
        .withCsrfToken()
        .loginAs(user)
        .redirects(0)
    }
    const deleted = await Group.findByOrFail('name', 'Deleted later')
    await deleted.delete()
    const kept = await Group.findByOrFail('name', 'Kept')

    const linksOf = async (user: User) => {
      const response = await client.get('/admin').withInertia().loginAs(user)
      const props = response.inertiaProps as unknown as AdminIndexProps
      return props.recentActions.map((action) => [action.subject.title, action.subject.url])
    }

    assert.deepEqual(await linksOf(adder), [['Added by staff', null]])
    assert.deepEqual(await linksOf(superuser), [
      ['Deleted later', null],
      ['Kept', `/admin/groups/${kept.id}`],
    ])
  })

  test('saving an unchanged form writes nothing and records nothing', async ({
    client,
    assert,
  }) => {
    const superuser = await UserFactory.apply('superuser')
      .merge({ timeZone: 'Asia/Kolkata' })
      .create()
    const verifiedAt = DateTime.fromISO('2026-01-02T03:04:05.678Z')
    const user = await UserFactory.merge({ emailVerifiedAt: verifiedAt }).create()
    const cast = await projectWithCast()
    cast.task.dueOn = DateTime.fromISO('2026-12-01')
    await cast.task.save()
    const before = {
      user: (await db.from('users').where('id', user.id).first()) as Record<string, unknown>,
      task: (await db.from('tasks').where('id', cast.task.id).first()) as Record<string, unknown>,
      activities: await activityCount(),
    }

    for (const url of [`/admin/users/${user.id}`, `/admin/tasks/${cast.task.id}`]) {
      const form = await client.get(url).withInertia().loginAs(superuser)
      const props = form.inertiaProps as unknown as AdminChangeFormProps
      const saved = await client
        .put(url)
        .json({ ...props.values, _version: props.version })
        .withCsrfToken()
        .loginAs(superuser)
        .redirects(0)
      saved.assertStatus(302)
      assert.match(String(saved.flashMessages().success), /was changed\.$/)
    }

    assert.deepEqual(await db.from('users').where('id', user.id).first(), before.user)
    assert.deepEqual(await db.from('tasks').where('id', cast.task.id).first(), before.task)
    assert.equal(await activityCount(), before.activities)
  })
})
