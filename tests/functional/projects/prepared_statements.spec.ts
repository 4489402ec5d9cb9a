import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { type ProjectCast, projectWithCast } from '#tests/helpers/projects'
import { recordQueries } from '#tests/helpers/queries'

/** The pages the benchmark's hot workloads serve. */
const PAGES: { name: string; url: (cast: ProjectCast) => string }[] = [
  { name: 'tasks list', url: ({ project }) => `/projects/${project.id}/tasks` },
  { name: 'task page', url: ({ project, task }) => `/projects/${project.id}/tasks/${task.id}` },
]

/** The statements a page sent, in the text PostgreSQL receives (`$1` for each value). */
async function statementsOf(client: ApiClient, cast: ProjectCast, url: string) {
  const { result, sql } = await recordQueries(() =>
    client.get(url).withInertia().loginAs(cast.users.editor)
  )
  result.assertStatus(200)
  const knex = db.connection().getWriteClient().client
  return sql.map((text) => knex.positionBindings(text) as string)
}

/* The test's transaction holds one connection, whose prepared statements PostgreSQL lists. */
if (env.get('DB_CONNECTION') === 'pg') {
  test.group('Reference app | prepared statements', (group) => {
    group.each.setup(() => testUtils.db().withGlobalTransaction())

    for (const page of PAGES) {
      test(`the ${page.name} runs its statements prepared from its second request`, async ({
        client,
        assert,
      }) => {
        const cast = await projectWithCast()
        await statementsOf(client, cast, page.url(cast))

        const sent = await statementsOf(client, cast, page.url(cast))
        const prepared = await db.rawQuery(
          'select statement from pg_prepared_statements where statement = any(?)',
          [sent]
        )

        const withValues = sent.filter((text) => text.includes('$1'))
        assert.isAbove(withValues.length, 2)
        assert.sameMembers(
          [...new Set(prepared.rows.map((row: { statement: string }) => row.statement))],
          [...new Set(withValues)]
        )
      })
    }
  })
}
