import { test } from '@japa/runner'
import { pgReplicas } from '#services/infrastructure/pg_replicas'

test.group('Database | PostgreSQL read replicas', () => {
  test('no list, no replicas: one server does everything', ({ assert }) => {
    assert.isUndefined(pgReplicas({ host: 'db', user: 'app' }, undefined))
    assert.isUndefined(pgReplicas({ host: 'db', user: 'app' }, ' , '))
  })

  test('replicas share the credentials and database, on their own hosts and ports', ({
    assert,
  }) => {
    const primary = { host: 'db', port: 5432, user: 'app', password: 's3cret', database: 'atrium' }

    assert.deepEqual(pgReplicas(primary, 'replica-1, replica-2:5433'), {
      write: { connection: primary },
      read: {
        connection: [
          { ...primary, host: 'replica-1' },
          { ...primary, host: 'replica-2', port: 5433 },
        ],
      },
    })
  })

  test('with DATABASE_URL the replicas are the same URL on other hosts', ({ assert }) => {
    const replicas = pgReplicas('postgres://app:s3cret@db:5432/atrium?sslmode=require', 'r1:6432')

    assert.deepEqual(replicas?.read.connection, [
      'postgres://app:s3cret@r1:6432/atrium?sslmode=require',
    ])
    assert.equal(replicas?.write.connection, 'postgres://app:s3cret@db:5432/atrium?sslmode=require')
  })
})
