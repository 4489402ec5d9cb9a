import { test } from '@japa/runner'
import User from '#models/user'
import Task from '#models/task'
import Activity from '#models/activity'
import { AdminContext } from '#admin/admin_context'
import type { ModelAdmin } from '#admin/model_admin'
import { PERMISSION_ACTIONS } from '#admin/permissions'
import { UserAdmin } from '#admin/models/user_admin'
import { TaskAdmin } from '#admin/models/task_admin'
import { ActivityAdmin } from '#admin/models/activity_admin'

type Flags = { isActive?: boolean; isStaff?: boolean; isSuperuser?: boolean }

/** An account (never saved) with these flags: active, not staff, not superuser by default. */
function account(flags: Flags = {}): User {
  return new User().merge({
    fullName: 'Ada Lovelace',
    email: 'ada@example.com',
    isActive: true,
    isStaff: false,
    isSuperuser: false,
    ...flags,
  })
}

/** The admin context of an account with these flags holding `codenames`. */
function contextOf(flags: Flags, codenames: string[] = []): AdminContext {
  return new AdminContext(account(flags), new Set(codenames))
}

/** Every [key, action] pair `ctx` may do among the keys given, as "key.action". */
function allowed(ctx: AdminContext, keys: string[]): string[] {
  return keys.flatMap((key) =>
    PERMISSION_ACTIONS.filter((action) => ctx.can(key, action)).map((action) => `${key}.${action}`)
  )
}

/** What `admin` lets `ctx` do, without a row: view, add, change, delete. */
function rights(admin: ModelAdmin<any>, ctx: AdminContext) {
  return {
    view: admin.hasViewPermission(ctx),
    add: admin.hasAddPermission(ctx),
    change: admin.hasChangePermission(ctx),
    delete: admin.hasDeletePermission(ctx),
  }
}

test.group('AdminContext | can', () => {
  test('an active superuser may do everything, holding no codename', ({ assert }) => {
    const ctx = contextOf({ isStaff: true, isSuperuser: true })

    assert.deepEqual(allowed(ctx, ['task', 'user']), [
      'task.view',
      'task.add',
      'task.change',
      'task.delete',
      'user.view',
      'user.add',
      'user.change',
      'user.delete',
    ])
    assert.isTrue(ctx.isSuperuser)
  })

  test('an inactive superuser may do nothing', ({ assert }) => {
    const ctx = contextOf({ isActive: false, isStaff: true, isSuperuser: true }, ['task.view'])

    assert.deepEqual(allowed(ctx, ['task', 'user']), [])
    assert.isFalse(ctx.isSuperuser)
  })

  test('an account that is not staff may do nothing, whatever it holds', ({ assert }) => {
    const ctx = contextOf({ isStaff: false }, ['task.view', 'task.change', 'user.delete'])

    assert.deepEqual(allowed(ctx, ['task', 'user']), [])
  })

  test('an inactive staff account may do nothing, whatever it holds', ({ assert }) => {
    const ctx = contextOf({ isActive: false, isStaff: true }, ['task.view', 'task.change'])

    assert.deepEqual(allowed(ctx, ['task']), [])
  })

  test('staff may do exactly what their codenames name', ({ assert }) => {
    const ctx = contextOf({ isStaff: true }, ['task.view', 'task.delete', 'project_member.add'])

    assert.deepEqual(allowed(ctx, ['task', 'project', 'project_member']), [
      'task.view',
      'task.delete',
      'project_member.add',
    ])
    assert.isFalse(ctx.isSuperuser)
  })
})

test.group('ModelAdmin | permissions', () => {
  test('a superuser may view, add, change and delete', ({ assert }) => {
    const admin = new TaskAdmin(Task)

    assert.deepEqual(rights(admin, contextOf({ isStaff: true, isSuperuser: true })), {
      view: true,
      add: true,
      change: true,
      delete: true,
    })
  })

  test('change implies view', ({ assert }) => {
    const admin = new TaskAdmin(Task)

    assert.deepEqual(rights(admin, contextOf({ isStaff: true }, ['task.change'])), {
      view: true,
      add: false,
      change: true,
      delete: false,
    })
  })

  test('add or delete alone do not imply view', ({ assert }) => {
    const admin = new TaskAdmin(Task)

    assert.deepEqual(rights(admin, contextOf({ isStaff: true }, ['task.add', 'task.delete'])), {
      view: false,
      add: true,
      change: false,
      delete: true,
    })
  })

  test('codenames of another model grant nothing on this one', ({ assert }) => {
    const admin = new TaskAdmin(Task)
    const ctx = contextOf({ isStaff: true }, [
      'project.view',
      'project.add',
      'project.change',
      'project.delete',
    ])

    assert.deepEqual(rights(admin, ctx), { view: false, add: false, change: false, delete: false })
  })

  test('a read-only admin refuses add, change and delete even to superusers', ({ assert }) => {
    const admin = new ActivityAdmin(Activity)

    assert.deepEqual(rights(admin, contextOf({ isStaff: true, isSuperuser: true })), {
      view: true,
      add: false,
      change: false,
      delete: false,
    })
  })

  test('a read-only admin shows its view to staff holding view only', ({ assert }) => {
    const admin = new ActivityAdmin(Activity)
    const holder = contextOf({ isStaff: true }, ['activity.view', 'activity.change'])
    const other = contextOf({ isStaff: true }, ['activity.change'])

    assert.deepEqual(rights(admin, holder), {
      view: true,
      add: false,
      change: false,
      delete: false,
    })
    assert.isFalse(admin.hasViewPermission(other))
  })

  test('read-only fields apply to those who may change, not to viewers', ({ assert }) => {
    const admin = new TaskAdmin(Task)

    assert.deepEqual(admin.getReadonlyFields(contextOf({ isStaff: true }, ['task.change'])), [
      'version',
    ])
    assert.deepEqual(admin.getReadonlyFields(contextOf({ isStaff: true }, ['task.view'])), [])
  })
})

test.group('UserAdmin | permissions', () => {
  test('staff with user.change may change a normal account but not a superuser', ({ assert }) => {
    const admin = new UserAdmin(User)
    const ctx = contextOf({ isStaff: true }, ['user.change'])

    assert.isTrue(admin.hasChangePermission(ctx))
    assert.isTrue(admin.hasChangePermission(ctx, account({ isStaff: true })))
    assert.isFalse(admin.hasChangePermission(ctx, account({ isStaff: true, isSuperuser: true })))
  })

  test('staff with user.delete may delete a normal account but not a superuser', ({ assert }) => {
    const admin = new UserAdmin(User)
    const ctx = contextOf({ isStaff: true }, ['user.change', 'user.delete'])

    assert.isTrue(admin.hasDeletePermission(ctx, account()))
    assert.isFalse(admin.hasDeletePermission(ctx, account({ isStaff: true, isSuperuser: true })))
  })

  test('a superuser may change and delete another superuser', ({ assert }) => {
    const admin = new UserAdmin(User)
    const ctx = contextOf({ isStaff: true, isSuperuser: true })
    const row = account({ isStaff: true, isSuperuser: true })

    assert.isTrue(admin.hasChangePermission(ctx, row))
    assert.isTrue(admin.hasDeletePermission(ctx, row))
  })

  test('staff without user.change may change nobody', ({ assert }) => {
    const admin = new UserAdmin(User)
    const ctx = contextOf({ isStaff: true }, ['user.view', 'user.delete'])

    assert.isFalse(admin.hasChangePermission(ctx, account()))
    assert.isTrue(admin.hasDeletePermission(ctx, account()))
  })

  test('staff who may change see superuser status, groups, permissions and the two-factor date as read-only', ({
    assert,
  }) => {
    const admin = new UserAdmin(User)

    assert.deepEqual(admin.getReadonlyFields(contextOf({ isStaff: true }, ['user.change'])), [
      'twoFactorConfirmedAt',
      'isSuperuser',
      'groups',
      'permissions',
    ])
    // Not even a superuser sets when two-factor was turned on: the reset action clears it.
    assert.deepEqual(admin.getReadonlyFields(contextOf({ isStaff: true, isSuperuser: true })), [
      'twoFactorConfirmedAt',
    ])
    assert.deepEqual(admin.getReadonlyFields(contextOf({ isStaff: true }, ['user.view'])), [])
  })
})
