import { test } from '@japa/runner'
import { join } from 'node:path'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import string from '@adonisjs/core/helpers/string'
import { resourceNames } from '#services/scaffold/resource_names'
import { findCollisions } from '#services/scaffold/collisions'
import { addResourceRoutes } from '#services/scaffold/routes_codemod'
import { nextMigrationPath } from '#services/scaffold/resource_files'

const ROUTES = `import { middleware } from '#start/kernel'
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
`

test.group('make:resource | names', () => {
  test('derives every name from the model name', ({ assert }) => {
    const names = resourceNames('line_items')
    assert.deepInclude(names, {
      model: 'LineItem',
      file: 'line_item',
      plural: 'line_items',
      pluralPascal: 'LineItems',
      singularVar: 'lineItem',
      table: 'line_items',
      routePrefix: 'projects.line_items',
      pagePrefix: 'projects/line_items',
    })
  })

  test('refuses a name that is not an identifier', ({ assert }) => {
    assert.throws(() => resourceNames('line-item'), 'Bad resource name "line-item"')
  })

  test('numbers the migration after the last one', ({ assert }) => {
    const names = resourceNames('Invoice')
    assert.equal(
      nextMigrationPath(['0001_create_users_table.ts', '0018_add_index.ts'], names),
      'database/migrations/0019_create_invoices_table.ts'
    )
  })
})

test.group('make:resource | routes codemod', () => {
  test('appends one delimited group with the seven resource routes', ({ assert }) => {
    const output = addResourceRoutes(ROUTES, resourceNames('Invoice'))
    assert.isTrue(output.startsWith(ROUTES.trimEnd()))
    assert.include(output, 'Invoices of a project (node ace make:resource Invoice)')
    for (const action of ['index', 'create', 'store', 'show', 'edit', 'update', 'destroy']) {
      assert.include(output, `.as('projects.invoices.${action}')`)
      assert.include(output, `[controllers.projects.Invoices, '${action}']`)
    }
    assert.include(output, ".get('projects/:projectId/invoices/:id/edit'")
    assert.include(output, '.use([middleware.auth(), middleware.verified()])')
  })

  test('refuses a routes file without the imports the group needs', ({ assert }) => {
    assert.throws(
      () =>
        addResourceRoutes(
          "import router from '@adonisjs/core/services/router'\n",
          resourceNames('Invoice')
        ),
      'start/routes.ts does not import "#generated/controllers"'
    )
  })
})

test.group('make:resource | collisions', (group) => {
  let root = ''
  group.each.setup(async () => {
    root = app.makePath('tmp', `scaffold_${string.random(8).toLowerCase()}`)
    await mkdir(join(root, 'app/models'), { recursive: true })
    await mkdir(join(root, 'database/migrations'), { recursive: true })
    await mkdir(join(root, 'start'), { recursive: true })
    return () => rm(root, { recursive: true, force: true })
  })

  test("finds a table created through the migration's tableName", async ({ assert }) => {
    await writeFile(join(root, 'start/routes.ts'), ROUTES)
    await writeFile(
      join(root, 'database/migrations/0019_create_invoices_table.ts'),
      "protected tableName = 'invoices'\nthis.schema.createTable(this.tableName, () => {})\n"
    )
    assert.deepEqual(await findCollisions(root, resourceNames('Invoice')), [
      'the table "invoices" is already created by database/migrations/0019_create_invoices_table.ts',
    ])
  })

  test('reports nothing for a free name', async ({ assert }) => {
    await writeFile(join(root, 'start/routes.ts'), ROUTES)
    assert.deepEqual(await findCollisions(root, resourceNames('Invoice')), [])
  })

  test('reports an existing model, table, route names and admin registration', async ({
    assert,
  }) => {
    await writeFile(join(root, 'app/models/invoice.ts'), 'export default class Invoice {}\n')
    await writeFile(
      join(root, 'database/migrations/0003_billing.ts'),
      "this.schema.createTable('invoices', () => {})\n"
    )
    await writeFile(
      join(root, 'start/routes.ts'),
      `${ROUTES}router.get('x', () => '').as('projects.invoices.index')\n`
    )
    await writeFile(join(root, 'start/admin.ts'), "import Invoice from '#models/invoice'\n")

    assert.deepEqual(await findCollisions(root, resourceNames('Invoice')), [
      'app/models/invoice.ts already exists',
      'the table "invoices" is already created by database/migrations/0003_billing.ts',
      'start/routes.ts already names routes "projects.invoices.*"',
      'start/admin.ts already registers the model "Invoice"',
    ])
  })
})
