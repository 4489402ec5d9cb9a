import { test } from '@japa/runner'
import { violatedIndexOf } from '#services/records/unique_violation'
import { ALREADY_MEMBER, takenOf } from '#validators/taken'

/** An error as better-sqlite3 throws it for `message`. */
function sqliteError(code: string, message: string) {
  return Object.assign(new Error(message), { code })
}

/** An error as node-postgres throws it for a unique violation on `table`. */
function postgresError(table: string, detail: string) {
  return Object.assign(new Error('duplicate key value violates unique constraint'), {
    code: '23505',
    table,
    detail,
  })
}

test.group('Unique violations | reading the index', () => {
  test('reads the table and columns from SQLite and PostgreSQL alike', ({ assert }) => {
    const sqlite = sqliteError(
      'SQLITE_CONSTRAINT_UNIQUE',
      'insert into `labels` … - UNIQUE constraint failed: labels.project_id, labels.name'
    )
    const primaryKey = sqliteError(
      'SQLITE_CONSTRAINT_PRIMARYKEY',
      'UNIQUE constraint failed: user_groups.user_id, user_groups.group_id'
    )
    const postgres = postgresError('labels', 'Key (project_id, name)=(1, bug) already exists.')

    assert.deepEqual(violatedIndexOf(sqlite), { table: 'labels', columns: ['project_id', 'name'] })
    assert.deepEqual(violatedIndexOf(primaryKey), {
      table: 'user_groups',
      columns: ['user_id', 'group_id'],
    })
    assert.deepEqual(violatedIndexOf(postgres), violatedIndexOf(sqlite))
  })

  test('other errors, and violations that name no column, are not read as one', ({ assert }) => {
    const foreignKey = sqliteError('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed')
    const noDetail = Object.assign(new Error('duplicate key'), { code: '23505' })

    assert.isNull(violatedIndexOf(foreignKey))
    assert.isNull(violatedIndexOf(noDetail))
    assert.isNull(violatedIndexOf(new Error('UNIQUE constraint failed: labels.name')))
    assert.isNull(violatedIndexOf(null))
  })
})

test.group('Unique violations | what the form says', () => {
  test('a taken value reads as the validators word it, on the last column of the index', ({
    assert,
  }) => {
    const label = postgresError('labels', 'Key (project_id, name)=(1, bug) already exists.')
    const email = sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: users.email')

    assert.deepEqual(takenOf(label), {
      table: 'labels',
      column: 'name',
      field: 'name',
      message: 'The name has already been taken',
    })
    assert.equal(takenOf(email)?.message, 'The email has already been taken')
  })

  test('a membership taken twice says the person is already a member, on the email field', ({
    assert,
  }) => {
    const member = postgresError(
      'project_members',
      'Key (project_id, user_id)=(1, 2) already exists.'
    )

    assert.deepEqual(takenOf(member), ALREADY_MEMBER)
  })
})
