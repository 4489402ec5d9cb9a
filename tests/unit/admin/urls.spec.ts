import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import Task from '#models/task'
import ProjectMember from '#models/project_member'
import { AdminSite } from '#admin/admin_site'
import { adminUrls } from '#admin/urls'

/** The admin of tasks and of project members, as a fresh site registers them. */
function admins() {
  const site = new AdminSite()
  return { tasks: site.register(Task), members: site.register(ProjectMember) }
}

test.group('Admin URLs', () => {
  test('each page and endpoint of a model has the URL of its named admin route', ({ assert }) => {
    const { tasks, members } = admins()

    assert.deepEqual(
      {
        index: adminUrls.index(),
        changeList: adminUrls.changeList(members),
        add: adminUrls.add(tasks),
        store: adminUrls.store(tasks),
        change: adminUrls.change(tasks, 7),
        update: adminUrls.update(tasks, '7'),
        history: adminUrls.history(tasks, 7),
        delete: adminUrls.delete(tasks),
        deleteRows: adminUrls.delete(tasks, [3, '4']),
        destroy: adminUrls.destroy(tasks),
        actions: adminUrls.actions(tasks),
        export: adminUrls.export(tasks),
        lookup: adminUrls.lookup(tasks, 'assignee'),
      },
      {
        index: '/admin',
        changeList: '/admin/project-members',
        add: '/admin/tasks/add',
        store: '/admin/tasks',
        change: '/admin/tasks/7',
        update: '/admin/tasks/7',
        history: '/admin/tasks/7/history',
        delete: '/admin/tasks/delete',
        deleteRows: '/admin/tasks/delete?ids=3%2C4',
        destroy: '/admin/tasks',
        actions: '/admin/tasks/actions',
        export: '/admin/tasks/export.csv',
        lookup: '/admin/tasks/lookup/assignee',
      }
    )
  })

  test('a URL built for a page reaches that page: the router matches it to the route', ({
    assert,
  }) => {
    const { tasks } = admins()
    const routeOf = (url: string, method: string) => router.match(url, method, true)?.route.name

    assert.equal(routeOf(adminUrls.changeList(tasks), 'GET'), 'admin.records.index')
    assert.equal(routeOf(adminUrls.add(tasks), 'GET'), 'admin.records.create')
    assert.equal(routeOf(adminUrls.change(tasks, 7), 'GET'), 'admin.records.edit')
    assert.equal(routeOf(adminUrls.update(tasks, 7), 'PUT'), 'admin.records.update')
    assert.equal(routeOf(adminUrls.history(tasks, 7), 'GET'), 'admin.history.show')
    assert.equal(routeOf(adminUrls.delete(tasks), 'GET'), 'admin.deletions.create')
    assert.equal(routeOf(adminUrls.destroy(tasks), 'DELETE'), 'admin.deletions.destroy')
    assert.equal(routeOf(adminUrls.export(tasks), 'GET'), 'admin.exports.show')
  })

  test('an id is one encoded segment; a missing id is refused, never linked', ({ assert }) => {
    const { tasks } = admins()

    assert.equal(adminUrls.change(tasks, 'a/b?c'), '/admin/tasks/a%2Fb%3Fc')
    assert.throws(() => adminUrls.change(tasks, ''), 'An admin link needs the id of a row, got ""')
    assert.throws(
      () => adminUrls.history(tasks, undefined as unknown as string),
      'An admin link needs the id of a row, got "undefined"'
    )
    assert.throws(
      () => adminUrls.delete(tasks, [1, null as unknown as number]),
      'An admin link needs the id of a row, got "null"'
    )
  })
})
