import { test } from '@japa/runner'
import { clientEntries } from '#services/http/client_entries'

test.group('clientEntries', () => {
  test("preloads the guest layout with a guest's page", ({ assert }) => {
    assert.deepEqual(clientEntries({ component: 'auth/login', props: { user: null } }), [
      'inertia/app.tsx',
      'inertia/pages/auth/login.tsx',
      'inertia/layouts/guest_layout.tsx',
    ])
  })

  test("preloads the app layout with a logged-in user's page", ({ assert }) => {
    assert.deepEqual(clientEntries({ component: 'errors/not_found', props: { user: { id: 1 } } }), [
      'inertia/app.tsx',
      'inertia/pages/errors/not_found.tsx',
      'inertia/layouts/app_layout.tsx',
    ])
  })

  test('preloads no default layout with an admin page, which brings its own', ({ assert }) => {
    assert.deepEqual(
      clientEntries({ component: 'admin/change_list', props: { user: { id: 1 } } }),
      ['inertia/app.tsx', 'inertia/app_pages.ts', 'inertia/pages/admin/change_list.tsx']
    )
  })

  test('preloads the page list of the pages outside the guest area with one of them', ({
    assert,
  }) => {
    assert.deepEqual(clientEntries({ component: 'projects/tasks', props: { user: { id: 1 } } }), [
      'inertia/app.tsx',
      'inertia/app_pages.ts',
      'inertia/pages/projects/tasks.tsx',
      'inertia/layouts/app_layout.tsx',
    ])
    assert.deepEqual(clientEntries({ component: 'home', props: { user: null } }), [
      'inertia/app.tsx',
      'inertia/pages/home.tsx',
      'inertia/layouts/guest_layout.tsx',
    ])
  })
})
