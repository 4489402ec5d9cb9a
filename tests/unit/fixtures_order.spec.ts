import { test } from '@japa/runner'
import { dependencyOrder } from '#fixtures/dependency_order'
import { FixtureException } from '#fixtures/fixture_exception'

/** The error that `attempt` throws; fails the test when it throws none. */
function thrown(attempt: () => unknown): FixtureException {
  try {
    attempt()
  } catch (error) {
    return error as FixtureException
  }
  throw new Error('Expected an error, none was thrown')
}

test.group('Fixtures | dependency order', () => {
  test('puts every table after the tables it refers to', ({ assert }) => {
    const order = dependencyOrder({
      task_labels: ['tasks', 'labels'],
      comments: ['tasks', 'users'],
      tasks: ['projects', 'users'],
      labels: ['projects'],
      projects: ['users'],
      users: [],
    })

    assert.deepEqual(order, ['users', 'projects', 'tasks', 'comments', 'labels', 'task_labels'])
  })

  test('keeps the order of the map between tables that do not depend on each other', ({
    assert,
  }) => {
    assert.deepEqual(dependencyOrder({ permissions: [], groups: [], users: [] }), [
      'permissions',
      'groups',
      'users',
    ])
    assert.deepEqual(dependencyOrder({ users: [], groups: [], permissions: [] }), [
      'users',
      'groups',
      'permissions',
    ])
  })

  test('ignores references to tables outside the map and to the table itself', ({ assert }) => {
    const order = dependencyOrder({
      tasks: ['projects', 'users', 'tasks'],
      projects: ['users'],
    })

    assert.deepEqual(order, ['projects', 'tasks'])
  })

  test('refuses a cycle, naming its tables in the order they refer to each other', ({ assert }) => {
    const error = thrown(() =>
      dependencyOrder({
        users: [],
        teams: ['leads', 'users'],
        leads: ['members'],
        members: ['teams', 'users'],
        notes: ['teams'],
      })
    )

    assert.instanceOf(error, FixtureException)
    assert.equal(error.code, 'E_FIXTURE_CYCLE')
    assert.equal(
      error.message,
      'The foreign keys of these tables form a cycle: teams → leads → members → teams'
    )
  })

  test('refuses two tables that refer to each other', ({ assert }) => {
    assert.throws(
      () => dependencyOrder({ a: ['b'], b: ['a'] }),
      'The foreign keys of these tables form a cycle: a → b → a'
    )
  })
})
