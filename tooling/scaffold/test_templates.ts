import type { FieldSpec } from '#scaffold/field_spec'
import {
  fieldLabel,
  messageName,
  relationMessage,
  relationVariable,
  sampleValue,
  withArticle,
} from '#scaffold/field_code'
import { filterFields } from '#scaffold/http_templates'
import {
  type Resource,
  capitalize,
  humanize,
  inProject,
  scopeColumn,
  targetOf,
  titleField,
} from '#scaffold/resource'

/**
 * The people of a generated test. A project's resource is tested with a project and its cast
 * (owner, editor, viewer, non-member); an owner's with the user who keeps it and a stranger.
 */
type Actors = {
  /**
   * Lines that create them: `scope` only what the URL needs, `writer` the writer (and a
   * project's cast), `all` with the stranger too.
   */
  setup: (who: 'scope' | 'writer' | 'all') => string
  /** Who writes: `users.editor` or `user`. */
  writer: string
  /** The scope merged into the resource's factory: `{ projectId: project.id }`. */
  scope: string
}

function actors(resource: Resource): Actors {
  if (inProject(resource)) {
    return {
      setup: (who) =>
        who === 'scope'
          ? '    const { project } = await projectWithCast()\n'
          : '    const { project, users } = await projectWithCast()\n',
      writer: 'users.editor',
      scope: '{ projectId: project.id }',
    }
  }
  return {
    setup: (who) =>
      who === 'all'
        ? '    const [user, stranger] = await UserFactory.createMany(2)\n'
        : '    const user = await UserFactory.create()\n',
    writer: 'user',
    scope: '{ ownerId: user.id }',
  }
}

/** The list URL as a template literal's body. */
function listUrl(resource: Resource): string {
  return inProject(resource)
    ? `/projects/\${project.id}/${resource.names.plural}`
    : `/${resource.names.plural}`
}

/**
 * Lines defining the rows the sample forms point at (`reviewer0`, `reviewer1`): members of the
 * project, rows of the same project or of the same owner.
 */
function relationSetup(resource: Resource, variants: (0 | 1)[], skip: string | null = null) {
  return resource.relations
    .filter((field) => field.property !== skip)
    .map((field) => {
      const target = targetOf(resource, field)
      const variable = (variant: 0 | 1) => relationVariable(field, variant)
      const scope = scopeColumn(resource)
      const owner = inProject(resource) ? 'project.id' : 'user.id'
      const make = `await ${target.factory?.name}.merge({ ${scope.property}: ${owner} }).create()`
      const members = ['users.editor', 'users.viewer']
      return variants
        .map(
          (variant) =>
            `    const ${variable(variant)} = ${target.kind === 'user' ? members[variant] : make}\n`
        )
        .join('')
    })
    .join('')
}

/** The form a test sends: a valid value for every field. */
function sampleForm(
  fields: FieldSpec[],
  variant: 0 | 1,
  overrides: Record<string, string> = {}
): string {
  const values = fields.map(
    (field) => `${field.property}: ${overrides[field.property] ?? sampleValue(field, variant).sent}`
  )
  const extra = Object.entries(overrides)
    .filter(([key]) => !fields.some((field) => field.property === key))
    .map(([key, value]) => `${key}: ${value}`)
  return `{ ${[...values, ...extra].join(', ')} }`
}

/** Assertions that `row` holds the sample values (date-times read in the writer's zone). */
function sampleAssertions(fields: FieldSpec[], variant: 0 | 1, row: string, writer: string) {
  return fields
    .map((field) => {
      const { stored } = sampleValue(field, variant)
      const value = `${row}.${field.property}`
      if (field.type === 'date') return `    assert.equal(${value}?.toISODate(), ${stored})`
      if (field.type === 'datetime') {
        return `    assert.equal(\n      ${value}?.setZone(${writer}.timeZone).toFormat("yyyy-MM-dd'T'HH:mm"),\n      ${stored}\n    )`
      }
      return `    assert.equal(${value}, ${stored})`
    })
    .join('\n')
}

/** A test of the list's filter on its first enum (or boolean) field, when there is one. */
function renderFilterTest(resource: Resource, who: Actors, reader: string): string {
  const { names } = resource
  const field = filterFields(resource.fields)[0]
  if (!field) return ''
  const [wanted, other, query] =
    field.type === 'enum'
      ? [`'${field.values[0]}'`, `'${field.values[1] ?? field.values[0]}'`, field.values[0]]
      : ['true', 'false', 'yes']
  if (wanted === other) return ''
  return `
  test('filters the list by ${messageName(field)}', async ({ client }) => {
${who.setup('writer')}    await ${names.model}Factory.merge({ ...${who.scope}, ${field.property}: ${wanted} }).createMany(2)
    await ${names.model}Factory.merge({ ...${who.scope}, ${field.property}: ${other} }).createMany(3)

    const response = await client
      .get(\`${listUrl(resource)}?${field.property}=${query}\`)
      .withInertia()
      .loginAs(${reader})
    response.assertInertiaPropsContains({
      filters: { ${field.property}: '${query}' },
      pagination: { total: 2 },
    })
  })
`
}

/** A test of the list's search box on the title field, when there is one. */
function renderSearchTest(resource: Resource, who: Actors, reader: string): string {
  const { names } = resource
  const title = titleField(resource)
  if (!title) return ''
  return `
  test('searches the list by ${messageName(title)}', async ({ client }) => {
${who.setup('writer')}    const wanted = await ${names.model}Factory.merge({
      ...${who.scope},
      ${title.property}: 'Needle in 100% hay_stack',
    }).create()
    await ${names.model}Factory.merge(${who.scope}).createMany(3)

    const found = await client
      .get(\`${listUrl(resource)}?q=\${encodeURIComponent('100% HAY_')}\`)
      .withInertia()
      .loginAs(${reader})
    found.assertInertiaPropsContains({
      ${names.pluralVar}: [{ id: wanted.id }],
      pagination: { total: 1 },
    })

    const none = await client.get(\`${listUrl(resource)}?q=%25\`).withInertia().loginAs(${reader})
    none.assertInertiaPropsContains({ pagination: { total: 1 } })
  })
`
}

/** The empty form's messages: every required field named as the form labels it. */
function emptyFormErrors(resource: Resource): string {
  const required = resource.fields.filter((field) => !field.nullable && field.type !== 'boolean')
  if (required.length === 0) return ''
  const lines = required.map(
    (field) => `      ${field.property}: ['The ${messageName(field)} field must be defined'],\n`
  )
  return `    response.assertFlashMessage('inputErrorsBag', {\n${lines.join('')}    })\n`
}

/** Imports of a functional test. */
function functionalImports(resource: Resource): string[] {
  const { names } = resource
  const factories = new Map<string, Set<string>>()
  const add = (name: string, module: string) =>
    factories.set(module, (factories.get(module) ?? new Set()).add(name))
  add(`${names.model}Factory`, `#database/factories/${names.file}_factory`)
  add('UserFactory', '#database/factories/user_factory')
  for (const field of resource.relations) {
    const factory = targetOf(resource, field).factory
    if (factory) add(factory.name, factory.module)
  }
  return [
    "import { test } from '@japa/runner'",
    "import testUtils from '@adonisjs/core/services/test_utils'",
    "import Activity from '#models/activity'",
    `import ${names.model} from '#models/${names.file}'`,
    ...(inProject(resource)
      ? [
          "import { createProject } from '#services/projects/projects'",
          "import { projectWithCast } from '#tests/helpers/projects'",
        ]
      : []),
    ...[...factories].map(
      ([module, named]) => `import { ${[...named].sort().join(', ')} } from '${module}'`
    ),
  ]
}

/** The test that the first relation refuses a row the form would not offer. */
function renderRelationTest(resource: Resource, who: Actors): string {
  const field = resource.relations[0]
  if (!field) return ''
  const { names } = resource
  const target = targetOf(resource, field)
  const url = listUrl(resource)
  const foreign =
    target.kind === 'user'
      ? "    // A member of another project, not of this one.\n    await createProject(users.nonMember, { name: 'Elsewhere' })\n    const foreign = users.nonMember\n"
      : inProject(resource)
        ? `    const elsewhere = await createProject(users.nonMember, { name: 'Elsewhere' })\n    const foreign = await ${target.factory!.name}.merge({ projectId: elsewhere.id }).create()\n`
        : `    const foreign = await ${target.factory!.name}.merge({ ownerId: stranger.id }).create()\n`
  const whose =
    target.kind === 'user'
      ? 'a member of another project only'
      : inProject(resource)
        ? 'a row of another project'
        : "someone else's row"
  return `
  test("refuses ${withArticle(field)} that is ${whose}", async ({ client, assert }) => {
${who.setup('all')}${relationSetup(resource, [0], field.property)}${foreign}
    const response = await client
      .post(\`${url}\`)
      .withCsrfToken()
      .header('referer', \`${url}/create\`)
      .loginAs(${who.writer})
      .form(${sampleForm(resource.fields, 0, { [field.property]: 'foreign.id' })})
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      ${field.property}: [${JSON.stringify(relationMessage(resource, field))}],
    })
    assert.lengthOf(await ${names.model}.query().where('${scopeColumn(resource).column}', ${inProject(resource) ? 'project.id' : 'user.id'}), 0)
  })
`
}

/** The tests that every write path keeps: create, update, delete, the empty form, stale saves. */
function renderChangeTests(resource: Resource, who: Actors): string {
  const { names, fields } = resource
  const url = listUrl(resource)
  const scope = scopeColumn(resource)
  const owner = inProject(resource) ? 'project.id' : 'user.id'
  const stale = `Someone else saved this ${names.label} while you were editing it. Save again to replace their changes with yours.`
  return `
  test('${inProject(resource) ? 'an editor' : 'a user'} creates, updates and deletes ${names.aLabel}, each change recorded', async ({
    client,
    assert,
  }) => {
${who.setup('writer')}${relationSetup(resource, [0, 1])}
    const created = await client
      .post(\`${url}\`)
      .withCsrfToken()
      .loginAs(${who.writer})
      .form(${sampleForm(fields, 0)})
      .redirects(0)
    created.assertStatus(302)
    const row = await ${names.model}.query().where('${scope.column}', ${owner}).firstOrFail()
    created.assertHeader('location', \`${url}/\${row.id}\`)
${sampleAssertions(fields, 0, 'row', who.writer)}

    const updated = await client
      .put(\`${url}/\${row.id}\`)
      .withCsrfToken()
      .loginAs(${who.writer})
      .form(${sampleForm(fields, 1, { version: 'row.version' })})
      .redirects(0)
    updated.assertStatus(302)
    await row.refresh()
${sampleAssertions(fields, 1, 'row', who.writer)}
    assert.equal(row.version, 2)

    await client.delete(\`${url}/\${row.id}\`).withCsrfToken().loginAs(${who.writer})
    assert.isNull(await ${names.model}.find(row.id))

    const history = await Activity.query()
      .where('subject_type', '${names.file}')
      .where('subject_id', String(row.id))
      .orderBy('id')
    assert.deepEqual(
      history.map((entry) => [entry.action, entry.actorId]),
      [
        ['created', ${who.writer}.id],
        ['updated', ${who.writer}.id],
        ['deleted', ${who.writer}.id],
      ]
    )
  })

  test('refuses an empty form and writes nothing', async ({ client, assert }) => {
${who.setup('writer')}
    const response = await client
      .post(\`${url}\`)
      .withCsrfToken()
      .header('referer', \`${url}/create\`)
      .loginAs(${who.writer})
      .form({})
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', \`${url}/create\`)
${emptyFormErrors(resource)}    assert.lengthOf(await ${names.model}.query().where('${scope.column}', ${owner}), 0)
  })

  test('refuses a save based on a version someone else changed since', async ({
    client,
    assert,
  }) => {
${who.setup('writer')}${relationSetup(resource, [0, 1])}    const row = await ${names.model}Factory.merge(${who.scope}).create()
    const drawnAt = row.version

    const first = await client
      .put(\`${url}/\${row.id}\`)
      .withCsrfToken()
      .loginAs(${who.writer})
      .form(${sampleForm(fields, 0, { version: 'drawnAt' })})
      .redirects(0)
    first.assertHeader('location', \`${url}/\${row.id}\`)

    const second = await client
      .put(\`${url}/\${row.id}\`)
      .withCsrfToken()
      .header('referer', \`${url}/\${row.id}/edit\`)
      .loginAs(${who.writer})
      .form(${sampleForm(fields, 1, { version: 'drawnAt' })})
      .redirects(0)

    second.assertStatus(302)
    second.assertHeader('location', \`${url}/\${row.id}/edit\`)
    second.assertFlashMessage('inputErrorsBag', {
      version: ['${stale}'],
    })
    await row.refresh()
${sampleAssertions(fields, 0, 'row', who.writer)}
    assert.equal(row.version, drawnAt + 1)
  })
${renderRelationTest(resource, who)}`
}

function renderProjectFunctionalTest(resource: Resource): string {
  const { names, fields } = resource
  const who = actors(resource)
  const url = listUrl(resource)
  return `${functionalImports(resource).join('\n')}

test.group('${names.pluralPascal} | access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a viewer sees the list, 25 rows a page', async ({ client }) => {
${who.setup('writer')}    await ${names.model}Factory.merge({ projectId: project.id }).createMany(26)

    const first = await client.get(\`${url}\`).withInertia().loginAs(users.viewer)
    first.assertStatus(200)
    first.assertInertiaComponent('${names.pagePrefix}/index')
    first.assertInertiaPropsContains({
      pagination: { page: 1, lastPage: 2, total: 26 },
      canEdit: false,
    })

    const second = await client.get(\`${url}?page=2\`).withInertia().loginAs(users.viewer)
    second.assertInertiaPropsContains({ pagination: { page: 2, lastPage: 2, total: 26 } })
  })
${renderFilterTest(resource, who, 'users.viewer')}${renderSearchTest(resource, who, 'users.viewer')}
  test('a viewer sees one ${names.label} and may not change it', async ({ client, assert }) => {
${who.setup('writer')}${relationSetup(resource, [0])}    const row = await ${names.model}Factory.merge({ projectId: project.id }).create()

    const page = await client.get(\`${url}/\${row.id}\`).withInertia().loginAs(users.viewer)
    page.assertInertiaComponent('${names.pagePrefix}/show')
    page.assertInertiaPropsContains({ ${names.singularVar}: { id: row.id }, canEdit: false })

    const form = await client.get(\`${url}/create\`).loginAs(users.viewer)
    form.assertStatus(403)

    const refused = await client
      .post(\`${url}\`)
      .withCsrfToken()
      .header('referer', \`${url}\`)
      .loginAs(users.viewer)
      .form(${sampleForm(fields, 0)})
      .redirects(0)
    refused.assertStatus(302)
    refused.assertFlashMessage('error', 'You are not allowed to do this.')

    const deleted = await client
      .delete(\`${url}/\${row.id}\`)
      .withCsrfToken()
      .header('referer', \`${url}\`)
      .loginAs(users.viewer)
      .redirects(0)
    deleted.assertFlashMessage('error', 'You are not allowed to do this.')
    assert.lengthOf(await ${names.model}.query().where('project_id', project.id), 1)
  })

  test('a non-member gets 404 for the list and for one ${names.label}', async ({ client }) => {
${who.setup('writer')}    const row = await ${names.model}Factory.merge({ projectId: project.id }).create()

    const list = await client.get(\`${url}\`).loginAs(users.nonMember)
    list.assertStatus(404)
    const one = await client.get(\`${url}/\${row.id}\`).loginAs(users.nonMember)
    one.assertStatus(404)
  })

  test('a guest is sent to log in', async ({ client }) => {
${who.setup('scope')}
    const response = await client.get(\`${url}\`).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('${names.aLabel} of another project cannot be reached through this one', async ({
    client,
    assert,
  }) => {
${who.setup('writer')}    const other = await createProject(users.nonMember, { name: 'Elsewhere' })
    const foreign = await ${names.model}Factory.merge({ projectId: other.id }).create()

    const shown = await client.get(\`${url}/\${foreign.id}\`).loginAs(users.owner)
    shown.assertStatus(404)
    const response = await client
      .delete(\`${url}/\${foreign.id}\`)
      .withCsrfToken()
      .loginAs(users.owner)
    response.assertStatus(404)
    assert.isNotNull(await ${names.model}.find(foreign.id))
  })
})

test.group('${names.pluralPascal} | changes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
${renderChangeTests(resource, who)}})
`
}

function renderOwnerFunctionalTest(resource: Resource): string {
  const { names, fields } = resource
  const who = actors(resource)
  const url = listUrl(resource)
  return `${functionalImports(resource).join('\n')}

test.group('${names.pluralPascal} | access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a user sees only their own ${names.pluralLabel}, 25 rows a page', async ({ client }) => {
${who.setup('all')}    await ${names.model}Factory.merge({ ownerId: user.id }).createMany(26)
    await ${names.model}Factory.merge({ ownerId: stranger.id }).createMany(2)

    const first = await client.get(\`${url}\`).withInertia().loginAs(user)
    first.assertStatus(200)
    first.assertInertiaComponent('${names.pagePrefix}/index')
    first.assertInertiaPropsContains({ pagination: { page: 1, lastPage: 2, total: 26 } })

    const second = await client.get(\`${url}?page=2\`).withInertia().loginAs(user)
    second.assertInertiaPropsContains({ pagination: { page: 2, lastPage: 2, total: 26 } })

    const theirs = await client.get(\`${url}\`).withInertia().loginAs(stranger)
    theirs.assertInertiaPropsContains({ pagination: { total: 2 } })
  })
${renderFilterTest(resource, who, 'user')}${renderSearchTest(resource, who, 'user')}
  test("another user's ${names.label} is not found, and stays as it is", async ({
    client,
    assert,
  }) => {
${who.setup('all')}${relationSetup(resource, [1])}    const row = await ${names.model}Factory.merge({ ownerId: user.id }).create()

    const shown = await client.get(\`${url}/\${row.id}\`).loginAs(stranger)
    shown.assertStatus(404)
    const form = await client.get(\`${url}/\${row.id}/edit\`).loginAs(stranger)
    form.assertStatus(404)
    const updated = await client
      .put(\`${url}/\${row.id}\`)
      .withCsrfToken()
      .loginAs(stranger)
      .form(${sampleForm(fields, 1, { version: 'row.version' })})
    updated.assertStatus(404)
    const deleted = await client.delete(\`${url}/\${row.id}\`).withCsrfToken().loginAs(stranger)
    deleted.assertStatus(404)

    const kept = await ${names.model}.findOrFail(row.id)
    assert.equal(kept.version, row.version)
  })

  test('a guest is sent to log in', async ({ client }) => {
    const response = await client.get(\`${url}\`).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})

test.group('${names.pluralPascal} | changes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
${renderChangeTests(resource, who)}})
`
}

/** The test that the admin lists the resource's rows and opens one, for a superuser. */
function renderAdminTest(resource: Resource, who: Actors): string {
  const { names } = resource
  const slug = names.plural.replaceAll('_', '-')
  return `
test.group('${names.pluralPascal} | admin', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a superuser finds ${names.pluralLabel} in the admin and opens one', async ({
    client,
    assert,
  }) => {
${who.setup('scope')}    const row = await ${names.model}Factory.merge(${who.scope}).create()
    const admin = await UserFactory.apply('superuser').create()

    const list = await client.get('/admin/${slug}').withInertia().loginAs(admin)
    list.assertStatus(200)
    list.assertInertiaComponent('admin/change_list')
    const { rows } = list.inertiaProps as { rows: { id: string }[] }
    assert.deepEqual(
      rows.map((shown) => shown.id),
      [String(row.id)]
    )

    const form = await client.get(\`/admin/${slug}/\${row.id}\`).withInertia().loginAs(admin)
    form.assertStatus(200)
    form.assertInertiaComponent('admin/change_form')
  })
})
`
}

/** Functional tests of the generated routes: access, the list, every change, every refusal. */
export function renderFunctionalTest(resource: Resource): string {
  const tests = inProject(resource)
    ? renderProjectFunctionalTest(resource)
    : renderOwnerFunctionalTest(resource)
  return tests + renderAdminTest(resource, actors(resource))
}

/** How the browser test fills a field on the form, with the sample value `variant`. */
function fillField(field: FieldSpec, variant: 0 | 1): string {
  const input = `page.getByLabel('${fieldLabel(field)}', { exact: true })`
  const { sent } = sampleValue(field, variant)
  if (field.type === 'boolean')
    return `    await ${input}.${sent === 'true' ? 'check' : 'uncheck'}()`
  if (field.type === 'enum') return `    await ${input}.selectOption(${sent})`
  if (field.type === 'belongs_to') return `    await ${input}.selectOption(String(${sent}))`
  return `    await ${input}.fill(${/^'/.test(sent) ? sent : `'${sent}'`})`
}

/**
 * A browser test: from the navigation to the list, create a row, edit it, delete it after
 * confirming, as a person would.
 */
export function renderBrowserTest(resource: Resource): string {
  const { names, fields } = resource
  const project = inProject(resource)
  const who = actors(resource)
  const heading = capitalize(names.label)
  const shown = titleField(resource)
  const url = listUrl(resource)
  const factories = resource.relations
    .map((field) => targetOf(resource, field).factory)
    .filter((factory) => factory !== null)
  const imports = [
    "import { test } from '@japa/runner'",
    "import testUtils from '@adonisjs/core/services/test_utils'",
    ...(project
      ? ["import { projectWithCast } from '#tests/helpers/projects'"]
      : ["import { UserFactory } from '#database/factories/user_factory'"]),
    ...[...new Map(factories.map((factory) => [factory.name, factory])).values()].map(
      (factory) => `import { ${factory.name} } from '${factory.module}'`
    ),
  ]
  const start = project ? `\`/projects/\${project.id}\`` : `'/projects'`
  const navigation = project
    ? "page.getByRole('navigation', { name: 'Project' })"
    : "page.getByRole('navigation', { name: 'Main' })"
  return `/// <reference lib="dom" />
${imports.join('\n')}

test.group('${names.pluralPascal} | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('${project ? 'an editor' : 'a user'} finds ${names.pluralLabel} in the menu, creates one, edits it and deletes it', async ({
    visit,
    browserContext,
  }) => {
${who.setup('writer')}${relationSetup(resource, [0, 1])}    await browserContext.loginAs(${who.writer})

    const page = await visit(${start})
    await ${navigation}.getByRole('link', { name: '${humanize(names.pluralLabel)}', exact: true }).click()
    await page.assertPath(\`${url}\`)
    await page.assertVisible('[data-test="${names.plural}-empty"]')
    await page.getByRole('link', { name: 'New ${names.label}', exact: true }).click()
    await page.assertPath(\`${url}/create\`)
${fields.map((field) => fillField(field, 0)).join('\n')}
    await page.getByRole('button', { name: 'Create ${names.label}' }).click()

    await page.assertVisible('text=${heading} created.')
${shown ? `    await page.assertText('[data-test="${names.file}-${shown.name}"]', ${sampleValue(shown, 0).sent})\n` : ''}
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
${fields.map((field) => fillField(field, 1)).join('\n')}
    await page.getByRole('button', { name: 'Save ${names.label}' }).click()
    await page.assertVisible('text=${heading} saved.')
${shown ? `    await page.assertText('[data-test="${names.file}-${shown.name}"]', ${sampleValue(shown, 1).sent})\n` : ''}
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByRole('button', { name: 'Delete ${names.label}' }).click()
    await page.assertVisible('text=${heading} deleted.')
    await page.assertPath(\`${url}\`)
    await page.assertVisible('[data-test="${names.plural}-empty"]')
  })
})
`
}
