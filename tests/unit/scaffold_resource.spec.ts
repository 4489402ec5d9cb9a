import { test } from '@japa/runner'
import { join } from 'node:path'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import string from '@adonisjs/core/helpers/string'
import { resourceNames } from '#scaffold/resource_names'
import { findCollisions } from '#scaffold/collisions'
import { addResourceRoutes } from '#scaffold/routes_codemod'
import { addApiResourceImport, addApiRoutes } from '#scaffold/api_codemod'
import { apiAbilities, apiSorts, apiValidatorRules, outputType } from '#scaffold/api_state'
import { nextMigrationPath } from '#scaffold/resource_files'
import { addResourceLink } from '#scaffold/navigation_codemod'
import { FieldSpecException, parseFieldSpec } from '#scaffold/field_spec'
import { scaffoldTsProject, prettified } from '#tests/helpers/scaffold_ts_project'
import { type TargetShape, classifyTarget, firstStringAttribute } from '#scaffold/relation_targets'

/** Where the edited files are, in memory only. */
const ROUTES_PATH = app.makePath('tmp/scaffold_codemods/start/routes.ts')
const LINKS_PATH = app.makePath('tmp/scaffold_codemods/inertia/lib/resource_links.ts')

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

  test("puts an owner's resource at the top level", ({ assert }) => {
    assert.deepInclude(resourceNames('Note', 'owner'), {
      scope: 'owner',
      routePrefix: 'notes',
      pagePrefix: 'notes',
      urlPattern: '/notes',
      controllerPath: 'app/controllers/notes_controller.ts',
      controllerRef: 'controllers.Notes',
      testArea: 'notes',
    })
    assert.deepInclude(resourceNames('Invoice', 'project'), {
      urlPattern: '/projects/:projectId/invoices',
      controllerPath: 'app/controllers/projects/invoices_controller.ts',
      testArea: 'projects',
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
  test('appends one delimited group with the seven resource routes', async ({ assert }) => {
    const output = addResourceRoutes(
      await scaffoldTsProject(),
      ROUTES_PATH,
      ROUTES,
      resourceNames('Invoice')
    )
    assert.isTrue(output.startsWith(ROUTES.trimEnd()))
    assert.include(output, 'Invoices of a project (node ace make:resource Invoice)')
    for (const action of ['index', 'create', 'store', 'show', 'edit', 'update', 'destroy']) {
      assert.include(output, `.as('projects.invoices.${action}')`)
      assert.include(output, `[controllers.projects.Invoices, '${action}']`)
    }
    assert.include(output, ".get('projects/:projectId/invoices/:id/edit'")
    assert.include(
      output,
      '.use([middleware.auth(), middleware.verified(), middleware.projectAccess()])'
    )
  })

  test("gives an owner's resource top-level routes without a project", async ({ assert }) => {
    const output = addResourceRoutes(
      await scaffoldTsProject(),
      ROUTES_PATH,
      ROUTES,
      resourceNames('Note', 'owner')
    )
    assert.include(output, ".get('notes/:id/edit', [controllers.Notes, 'edit'])")
    assert.include(output, ".as('notes.destroy')")
    assert.include(output, '.use([middleware.auth(), middleware.verified()])')
    assert.notInclude(output, 'projectId')
  })

  test('refuses a routes file without the imports the group needs', async ({ assert }) => {
    const project = await scaffoldTsProject()
    assert.throws(
      () =>
        addResourceRoutes(
          project,
          ROUTES_PATH,
          "import router from '@adonisjs/core/services/router'\n",
          resourceNames('Invoice')
        ),
      'start/routes.ts does not import "#generated/controllers"'
    )
  })
})

/** A routes file with the /api/v1 group, as the app's has it. */
const API_ROUTES = `${ROUTES}
router
  .group(() => {
    router.get('me', () => '').as('me.show')
  })
  .prefix('api/v1')
  .as('api')
  .use(middleware.api())

router.any('api/*', () => '').as('api.fallback')
`

test.group('make:resource | API codemods', () => {
  test("adds a project's API routes inside the /api/v1 group, under the project", async ({
    assert,
  }) => {
    const output = await prettified(
      addApiRoutes(await scaffoldTsProject(), ROUTES_PATH, API_ROUTES, resourceNames('Invoice'))
    )
    const group = output.slice(output.indexOf('.group('), output.indexOf(".prefix('api/v1')"))
    for (const [method, path, action] of [
      ['get', 'invoices', 'index'],
      ['post', 'invoices', 'store'],
      ['get', 'invoices/:id', 'show'],
      ['patch', 'invoices/:id', 'update'],
      ['delete', 'invoices/:id', 'destroy'],
    ]) {
      assert.include(
        group,
        `router.${method}('${path}', [controllers.api.Invoices, '${action}']).as('invoices.${action}')`
      )
    }
    assert.include(group, ".prefix('projects/:projectId')\n      .use(middleware.projectAccess())")
    assert.isBelow(output.indexOf("'me.show'"), output.indexOf("'invoices.index'"))
    assert.isTrue(output.trimEnd().endsWith("router.any('api/*', () => '').as('api.fallback')"))
  })

  test("puts an owner's API routes at the top of the group, without a project", async ({
    assert,
  }) => {
    const output = addApiRoutes(
      await scaffoldTsProject(),
      ROUTES_PATH,
      API_ROUTES,
      resourceNames('Note', 'owner')
    )
    const group = output.slice(output.indexOf('.group('), output.indexOf(".prefix('api/v1')"))
    assert.include(
      group,
      "router.delete('notes/:id', [controllers.api.Notes, 'destroy']).as('notes.destroy')"
    )
    assert.notInclude(output, 'projectId')
  })

  test('refuses a routes file without the /api/v1 group', async ({ assert }) => {
    const project = await scaffoldTsProject()
    assert.throws(
      () => addApiRoutes(project, ROUTES_PATH, ROUTES, resourceNames('Invoice')),
      "start/routes.ts has no router.group(() => {…}).prefix('api/v1') to add the API routes to"
    )
  })

  test("imports the resource's operations from the API's resource list, once", async ({
    assert,
  }) => {
    const project = await scaffoldTsProject()
    const path = app.makePath('tmp/scaffold_codemods/app/api/resources/main.ts')
    const source = "/* Every resource. */\nimport '#api/resources/tasks'\n"
    const output = addApiResourceImport(project, path, source, resourceNames('Invoice'))
    assert.equal(
      await prettified(output),
      "/* Every resource. */\nimport '#api/resources/tasks'\nimport '#api/resources/invoices'\n"
    )
    assert.throws(
      () => addApiResourceImport(project, path, output, resourceNames('Invoice')),
      'app/api/resources/main.ts already imports #api/resources/invoices'
    )
  })
})

test.group('make:resource | API state', () => {
  const resource = {
    names: resourceNames('Invoice'),
    fields: [
      parseFieldSpec('number:string!'),
      parseFieldSpec('notes:text?'),
      parseFieldSpec('paid:boolean'),
      parseFieldSpec('status:enum(draft,sent)'),
    ],
    relations: [],
  }

  test("names the token abilities after the admin's permissions", ({ assert }) => {
    assert.deepEqual(apiAbilities(resource), {
      view: 'invoice.view',
      add: 'invoice.add',
      change: 'invoice.change',
      delete: 'invoice.delete',
    })
  })

  test('describes a nullable field as its type or null, an enum by its values', ({ assert }) => {
    const [number, notes, , status] = resource.fields
    assert.equal(outputType(resource, number), 'Type.String()')
    assert.equal(outputType(resource, notes), 'Type.Union([Type.String(), Type.Null()])')
    assert.equal(outputType(resource, status), 'Type.Enum(INVOICE_STATUSES)')
  })

  test('makes every PATCH field optional and lets null clear a nullable one only', ({ assert }) => {
    const rules = Object.fromEntries(
      apiValidatorRules(resource).changeRules.map((rule) => [rule.property, rule.rule])
    )
    assert.match(rules.number, /\.optional\(\)$/)
    assert.notInclude(rules.number, 'nullable')
    assert.match(rules.notes, /\.optional\(\)\.nullable\(\)$/)
    assert.match(rules.paid, /^vine\.boolean\(\)\.optional\(\)$/)
  })

  test('sorts newest, oldest and by the title field, each ending with the id', ({ assert }) => {
    const sorts = apiSorts(resource)
    assert.deepEqual(
      sorts.map((sort) => sort.name),
      ['newest', 'oldest', 'number']
    )
    for (const sort of sorts) assert.match(sort.keys.at(-1)!.sql, /^invoices\.id$/)
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

  test('reports URLs the routes file already answers', async ({ assert }) => {
    await writeFile(
      join(root, 'start/routes.ts'),
      `${ROUTES}router.get('/notes/archive', () => '')\n`
    )
    assert.deepEqual(await findCollisions(root, resourceNames('Note', 'owner')), [
      'start/routes.ts already answers URLs under /notes',
    ])
    assert.deepEqual(await findCollisions(root, resourceNames('Notebook', 'owner')), [])
  })

  test("reports a project resource's API routes and API files already there", async ({
    assert,
  }) => {
    await writeFile(
      join(root, 'start/routes.ts'),
      `${ROUTES}router.get('invoices', () => '').as('invoices.index')\n`
    )
    await mkdir(join(root, 'app/api/resources'), { recursive: true })
    await writeFile(join(root, 'app/api/resources/invoices.ts'), '\n')
    assert.deepEqual(await findCollisions(root, resourceNames('Invoice')), [
      'app/api/resources/invoices.ts already exists',
      'start/routes.ts already names API routes "api.invoices.*"',
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

const LINKS = `/** Links. */
export const projectResourceLinks: ResourceLink<[projectId: number]>[] = []

export const userResourceLinks: ResourceLink<[]>[] = []
`

test.group('make:resource | navigation codemod', () => {
  test("adds a project's tab and a user's menu item, importing the URL builder once", async ({
    assert,
  }) => {
    const once = addResourceLink(
      await scaffoldTsProject(),
      LINKS_PATH,
      LINKS,
      resourceNames('Invoice', 'project')
    )
    const twice = addResourceLink(
      await scaffoldTsProject(),
      LINKS_PATH,
      once,
      resourceNames('LineItem', 'project')
    )
    const output = addResourceLink(
      await scaffoldTsProject(),
      LINKS_PATH,
      twice,
      resourceNames('Note', 'owner')
    )
    assert.equal(
      await prettified(output),
      await prettified(`import { urlFor } from '~/lib/client'

/** Links. */
export const projectResourceLinks: ResourceLink<[projectId: number]>[] = [
  { key: 'invoices', label: 'Invoices', href: (projectId) => urlFor('projects.invoices.index', { projectId }) },
  { key: 'line_items', label: 'Line items', href: (projectId) => urlFor('projects.line_items.index', { projectId }) },
]

export const userResourceLinks: ResourceLink<[]>[] = [
  { key: 'notes', label: 'Notes', href: () => urlFor('notes.index') },
]
`)
    )
  })

  test('refuses a links file without the list', async ({ assert }) => {
    const project = await scaffoldTsProject()
    assert.throws(
      () =>
        addResourceLink(
          project,
          LINKS_PATH,
          'export const other = []\n',
          resourceNames('Note', 'owner')
        ),
      'does not declare "userResourceLinks"'
    )
  })
})

test.group('make:resource | relation targets', () => {
  const field = (spec: string) => parseFieldSpec(spec)
  const shape = (overrides: Partial<TargetShape>): TargetShape => ({
    isUser: false,
    hasProjectId: false,
    hasOwnerId: false,
    ...overrides,
  })

  test('points at a member, a row of the same project or a row of the same owner', ({ assert }) => {
    assert.equal(
      classifyTarget(field('reviewer:belongs_to(user)?'), 'project', shape({ isUser: true })),
      'user'
    )
    assert.equal(
      classifyTarget(field('label:belongs_to'), 'project', shape({ hasProjectId: true })),
      'project'
    )
    assert.equal(
      classifyTarget(field('customer:belongs_to'), 'owner', shape({ hasOwnerId: true })),
      'owner'
    )
  })

  test('refuses {case}')
    .with([
      {
        case: 'a required user',
        spec: 'reviewer:belongs_to(user)',
        scope: 'project' as const,
        target: { isUser: true },
        message: 'a user reference must be optional',
      },
      {
        case: "a user in an owner's resource",
        spec: 'reviewer:belongs_to(user)?',
        scope: 'owner' as const,
        target: { isUser: true },
        message: "a user can be chosen in a project's resource",
      },
      {
        case: "a project's row from an owner's resource",
        spec: 'label:belongs_to',
        scope: 'owner' as const,
        target: { hasProjectId: true },
        message: "Label is a project's resource and this one would be an owner's",
      },
      {
        case: 'a model of neither kind',
        spec: 'group:belongs_to',
        scope: 'project' as const,
        target: {},
        message: 'Group belongs to neither a project nor an owner',
      },
    ])
    .run(({ assert }, row) => {
      assert.throws(
        () => classifyTarget(field(row.spec), row.scope, shape(row.target)),
        FieldSpecException,
        row.message
      )
    })

  test("names rows by a model's first string attribute", ({ assert }) => {
    assert.equal(
      firstStringAttribute(
        '  declare id: number\n  declare total: number\n  declare code: string\n'
      ),
      'code'
    )
    assert.isNull(firstStringAttribute('  declare note: string | null\n'))
  })
})
