import { test } from '@japa/runner'
import { readdir } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import type { Exception } from '@adonisjs/core/exceptions'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import User from '#models/user'
import Task from '#models/task'
import Label from '#models/label'
import Comment from '#models/comment'
import Project from '#models/project'
import Activity from '#models/activity'
import ProjectMember from '#models/project_member'
import appAdminSite, { AdminSite, type ModelAdminClass } from '#admin/admin_site'
import { ModelAdmin } from '#admin/model_admin'
import { UnknownAdminModelException, type AdminChecksException } from '#admin/exceptions'
import { TaskAdmin } from '#admin/models/task_admin'
import { LabelAdmin } from '#admin/models/label_admin'
import { ProjectAdmin } from '#admin/models/project_admin'
import { ActivityAdmin } from '#admin/models/activity_admin'
import { ProjectMemberAdmin } from '#admin/models/project_member_admin'

/** The exception `work` throws; fails the test when it throws nothing. */
function errorOf(work: () => unknown): Exception {
  try {
    work()
  } catch (error) {
    return error as Exception
  }
  throw new Error('Expected an exception, none was thrown')
}

/** A new site holding the registrations start/admin.ts made, to change without touching them. */
function appRegistrations(): AdminSite {
  const site = new AdminSite()
  for (const admin of appAdminSite.all()) {
    site.register(admin.model, admin.constructor as ModelAdminClass<LucidModel>)
  }
  return site
}

/**
 * Each admin class of app/admin/models (`task_admin.ts` exports `TaskAdmin`) with the model of
 * app/models it is named after, as `node ace make:admin` and `make:resource` write them.
 */
async function adminClassesOfApp(): Promise<[LucidModel, unknown][]> {
  const files = await readdir(app.makePath('app/admin/models'))
  const pairs: [LucidModel, unknown][] = []
  for (const file of files.filter((name) => name.endsWith('_admin.ts'))) {
    const admins = await import(`#admin/models/${file.replace(/\.ts$/, '')}`)
    const { default: model } = await import(`#models/${file.replace(/_admin\.ts$/, '')}`)
    pairs.push([model, admins[`${model.name}Admin`]])
  }
  return pairs
}

/** `pairs` in the order of their model's name. */
function byModelName<Pair extends [LucidModel, unknown]>(pairs: Pair[]): Pair[] {
  return pairs.toSorted(([a], [b]) => a.name.localeCompare(b.name))
}

test.group('AdminSite | register', () => {
  test('returns the admin built from the class and remembers it', ({ assert }) => {
    const site = new AdminSite()
    const admin = site.register(Task, TaskAdmin)

    assert.instanceOf(admin, TaskAdmin)
    assert.strictEqual(admin.model, Task)
    assert.isTrue(site.isRegistered(Task))
    assert.isFalse(site.isRegistered(Project))
    assert.strictEqual(site.adminOf(Task), admin)
  })

  test('uses the base ModelAdmin when no class is given', ({ assert }) => {
    const site = new AdminSite()
    const admin = site.register(Label)

    assert.strictEqual(admin.constructor, ModelAdmin)
    assert.deepEqual(admin.listDisplay, [])
    assert.deepEqual(admin.ordering, ['-id'])
    assert.equal(admin.perPage, 50)
  })

  test('refuses a second registration of a model, naming it', ({ assert }) => {
    const site = new AdminSite()
    const first = site.register(Task, TaskAdmin)

    const error = errorOf(() => site.register(Task))

    assert.equal(error.code, 'E_ALREADY_REGISTERED')
    assert.equal(error.status, 500)
    assert.equal(error.message, 'The model "Task" is already registered with the admin')
    assert.strictEqual(site.adminOf(Task), first)
    assert.lengthOf(site.all(), 1)
  })

  test('refuses two models using the same URL segment, naming both', ({ assert }) => {
    class TasksUrlAdmin extends ModelAdmin<typeof Project> {
      get slug() {
        return 'tasks'
      }
    }
    const site = new AdminSite()
    site.register(Task, TaskAdmin)

    const error = errorOf(() => site.register(Project, TasksUrlAdmin))

    assert.equal(error.code, 'E_ALREADY_REGISTERED')
    assert.equal(error.message, 'The models "Task" and "Project" both use the admin URL "tasks"')
    assert.isFalse(site.isRegistered(Project))
  })

  test("refuses a model whose admin URL is one of the admin's own sections", ({ assert }) => {
    const site = new AdminSite()
    class JobsUrlAdmin extends ModelAdmin<typeof Project> {
      get slug() {
        return 'jobs'
      }
    }

    const error = errorOf(() => site.register(Project, JobsUrlAdmin))

    assert.equal(error.code, 'E_RESERVED_URL')
    assert.equal(
      error.message,
      'The model "Project" cannot use the admin URL "jobs": a section of the admin has it'
    )
    assert.isFalse(site.isRegistered(Project))
  })

  test('unregister forgets the model, which may then be registered again', ({ assert }) => {
    const site = new AdminSite()
    site.register(Task, TaskAdmin)
    site.register(Project, ProjectAdmin)

    site.unregister(Task)

    assert.isFalse(site.isRegistered(Task))
    assert.deepEqual(
      site.all().map((admin) => admin.slug),
      ['projects']
    )
    const again = site.register(Task)
    assert.strictEqual(site.adminOf(Task), again)
  })

  test('lists registrations in registration order', ({ assert }) => {
    const site = new AdminSite()
    site.register(Task, TaskAdmin)
    site.register(Project, ProjectAdmin)
    site.register(Label, LabelAdmin)

    assert.deepEqual(
      site.all().map((admin) => admin.model),
      [Task, Project, Label]
    )
  })
})

test.group('AdminSite | lookup', () => {
  test('adminOf a model that is not registered names the model', ({ assert }) => {
    const site = new AdminSite()
    site.register(Task, TaskAdmin)

    const error = errorOf(() => site.adminOf(Project))

    assert.equal(error.code, 'E_NOT_REGISTERED')
    assert.equal(error.message, 'The model "Project" is not registered with the admin')
  })

  test('bySlug finds the admin whose URL segment it is', ({ assert }) => {
    const site = new AdminSite()
    const tasks = site.register(Task, TaskAdmin)
    const members = site.register(ProjectMember)

    assert.strictEqual(site.bySlug('tasks'), tasks)
    assert.strictEqual(site.bySlug('project-members'), members)
  })

  test('bySlug of an unknown segment is a 404 naming it', ({ assert }) => {
    const site = new AdminSite()
    site.register(Task, TaskAdmin)

    const error = errorOf(() => site.bySlug('task'))

    assert.instanceOf(error, UnknownAdminModelException)
    assert.equal(error.status, 404)
    assert.equal(error.code, 'E_ADMIN_UNKNOWN_MODEL')
    assert.equal(error.message, 'No model of the admin is called "task"')
  })
})

test.group('AdminSite | names', () => {
  test('derives the URL segment, permission key and labels of a one-word model', ({ assert }) => {
    const admin = new AdminSite().register(Task)

    assert.equal(admin.slug, 'tasks')
    assert.equal(admin.permissionKey, 'task')
    assert.equal(admin.pluralLabel, 'Tasks')
    assert.equal(admin.singularLabel, 'task')
    assert.equal(admin.table, 'tasks')
  })

  test('derives the names of a two-word model', ({ assert }) => {
    const admin = new AdminSite().register(ProjectMember)

    assert.equal(admin.slug, 'project-members')
    assert.equal(admin.permissionKey, 'project_member')
    assert.equal(admin.pluralLabel, 'Project members')
    assert.equal(admin.singularLabel, 'project member')
    assert.equal(admin.table, 'project_members')
  })

  test('declared labels win over the derived ones, the URL and key stay derived', ({ assert }) => {
    const admin = new AdminSite().register(ProjectMember, ProjectMemberAdmin)

    assert.equal(admin.pluralLabel, 'Members')
    assert.equal(admin.singularLabel, 'member')
    assert.equal(admin.slug, 'project-members')
    assert.equal(admin.permissionKey, 'project_member')
  })

  test('titleAttribute is the declared titleField, else the first naming column', ({ assert }) => {
    const site = new AdminSite()

    assert.equal(site.register(Task).titleAttribute, 'title')
    assert.equal(site.register(Project).titleAttribute, 'name')
    assert.equal(site.register(User).titleAttribute, 'fullName')
    assert.equal(site.register(Comment).titleAttribute, 'id')
    assert.equal(site.register(Activity, ActivityAdmin).titleAttribute, 'subjectType')
  })
})

test.group('AdminSite | check', () => {
  test('the app registrations pass their checks', ({ assert }) => {
    const site = appRegistrations()

    assert.doesNotThrow(() => site.check())
    assert.lengthOf(site.all(), appAdminSite.all().length)
  })

  test('the app site registers each admin class of app/admin/models with its model', async ({
    assert,
  }) => {
    const expected = await adminClassesOfApp()

    assert.isNotEmpty(expected)
    assert.deepEqual(
      byModelName(appAdminSite.all().map((admin) => [admin.model, admin.constructor])),
      byModelName(expected)
    )
  })

  test('check reports the problems of every registration at once, each with its code', ({
    assert,
  }) => {
    class TypoAdmin extends ModelAdmin<typeof Label> {
      listDisplay = ['nmae']
      ordering = ['-nmae']
    }
    class TaskTypoAdmin extends TaskAdmin {
      searchFields = ['titel']
    }
    const site = appRegistrations()
    site.unregister(Label)
    site.register(Label, TypoAdmin)
    site.unregister(Task)
    site.register(Task, TaskTypoAdmin)

    const error = errorOf(() => site.check())

    assert.equal(error.code, 'E_ADMIN_CHECKS')
    assert.deepEqual(
      (error as AdminChecksException).problems.map(({ code, message }) => [code, message]),
      [
        [
          'admin.E101',
          'TypoAdmin (model "Label"), option "listDisplay": "nmae" is not a field of Label',
        ],
        [
          'admin.E104',
          'TypoAdmin (model "Label"), option "ordering": "nmae" is not a field of Label',
        ],
        [
          'admin.E102',
          'TaskTypoAdmin (model "Task"), option "searchFields": "titel" is not a field of Task',
        ],
      ]
    )
  })
})
