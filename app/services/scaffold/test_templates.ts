import type { FieldSpec } from '#services/scaffold/field_spec'
import type { ResourceTemplateInput } from '#services/scaffold/server_templates'
import { fieldLabel, formFields, sampleValue } from '#services/scaffold/field_code'

/** The form a test sends: a valid value for every field. */
function sampleForm(fields: FieldSpec[], variant: 0 | 1): string {
  return `{ ${formFields(fields)
    .map((field) => `${field.property}: ${sampleValue(field, variant).sent}`)
    .join(', ')} }`
}

/** Assertions that `row` holds the sample values. */
function sampleAssertions(fields: FieldSpec[], variant: 0 | 1, row: string): string {
  return formFields(fields)
    .map((field) => {
      const { stored } = sampleValue(field, variant)
      const value = `${row}.${field.property}`
      if (field.type === 'date') return `    assert.equal(${value}?.toISODate(), ${stored})`
      if (field.type === 'datetime') {
        return `    assert.equal(${value}?.toFormat("yyyy-MM-dd'T'HH:mm"), ${stored})`
      }
      return `    assert.equal(${value}, ${stored})`
    })
    .join('\n')
}

/** A test of the list's filter on the first enum field, when there is one. */
function renderFilterTest(
  names: ResourceTemplateInput['names'],
  fields: FieldSpec[],
  url: string
): string {
  const field = fields.find((candidate) => candidate.type === 'enum')
  if (!field) return ''
  const [wanted, other] = field.values
  if (!other) return ''
  return `
  test('filters the list by ${field.name}', async ({ client }) => {
    const { project, users } = await projectWithCast()
    await ${names.model}Factory.merge({ projectId: project.id, ${field.property}: '${wanted}' }).createMany(2)
    await ${names.model}Factory.merge({ projectId: project.id, ${field.property}: '${other}' }).createMany(3)

    const response = await client
      .get(\`${url}?${field.property}=${wanted}\`)
      .withInertia()
      .loginAs(users.viewer)
    response.assertInertiaPropsContains({
      filters: { ${field.property}: '${wanted}' },
      pagination: { total: 2 },
    })
  })
`
}

/** Functional tests of the generated routes: access per role, the CRUD, validation. */
export function renderFunctionalTest({ names, fields }: ResourceTemplateInput): string {
  const url = `/projects/\${project.id}/${names.plural}`
  const required = formFields(fields).filter((field) => !field.nullable && field.type !== 'boolean')
  return `import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ${names.model} from '#models/${names.file}'
import { createProject } from '#services/projects'
import { projectWithCast } from '#tests/helpers/projects'
import { ${names.model}Factory } from '#database/factories/${names.file}_factory'

test.group('${names.pluralPascal} | access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a viewer sees the list, 25 rows a page', async ({ client }) => {
    const { project, users } = await projectWithCast()
    await ${names.model}Factory.merge({ projectId: project.id }).createMany(26)

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
${renderFilterTest(names, fields, url)}
  test('a viewer sees one ${names.label} and may not change it', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()
    const row = await ${names.model}Factory.merge({ projectId: project.id }).create()

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
    assert.lengthOf(await ${names.model}.query().where('project_id', project.id), 1)
  })

  test('a non-member gets 404 for the list and for one ${names.label}', async ({ client }) => {
    const { project, users } = await projectWithCast()
    const row = await ${names.model}Factory.merge({ projectId: project.id }).create()

    const list = await client.get(\`${url}\`).loginAs(users.nonMember)
    list.assertStatus(404)
    const one = await client.get(\`${url}/\${row.id}\`).loginAs(users.nonMember)
    one.assertStatus(404)
  })
})

test.group('${names.pluralPascal} | changes', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an editor creates, updates and deletes ${names.aLabel}', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()

    const created = await client
      .post(\`${url}\`)
      .withCsrfToken()
      .loginAs(users.editor)
      .form(${sampleForm(fields, 0)})
      .redirects(0)
    created.assertStatus(302)
    const row = await ${names.model}.query().where('project_id', project.id).firstOrFail()
${sampleAssertions(fields, 0, 'row')}

    await client
      .put(\`${url}/\${row.id}\`)
      .withCsrfToken()
      .loginAs(users.editor)
      .form(${sampleForm(fields, 1)})
    await row.refresh()
${sampleAssertions(fields, 1, 'row')}

    await client.delete(\`${url}/\${row.id}\`).withCsrfToken().loginAs(users.editor)
    assert.isNull(await ${names.model}.find(row.id))
  })

  test('refuses an empty form', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()

    const response = await client
      .post(\`${url}\`)
      .withCsrfToken()
      .header('referer', \`${url}/create\`)
      .loginAs(users.editor)
      .form({})
      .redirects(0)

    response.assertStatus(302)
${required.length ? `    response.assertFlashMessage('inputErrorsBag', {\n${required.map((field) => `      ${field.property}: ['The ${field.property} field must be defined'],\n`).join('')}    })\n` : ''}    assert.lengthOf(await ${names.model}.query().where('project_id', project.id), 0)
  })

  test('one ${names.label} of another project cannot be reached through this one', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const other = await createProject(users.nonMember, { name: 'Elsewhere' })
    const foreign = await ${names.model}Factory.merge({ projectId: other.id }).create()

    const response = await client
      .delete(\`${url}/\${foreign.id}\`)
      .withCsrfToken()
      .loginAs(users.owner)
    response.assertStatus(404)
    assert.isNotNull(await ${names.model}.find(foreign.id))
  })
})
`
}

/** How the browser test fills a field on the form, with the sample value `variant`. */
function fillField(field: FieldSpec, variant: 0 | 1): string {
  const input = `page.getByLabel('${fieldLabel(field)}', { exact: true })`
  const { sent } = sampleValue(field, variant)
  if (field.type === 'boolean')
    return `    await ${input}.${sent === 'true' ? 'check' : 'uncheck'}()`
  if (field.type === 'enum') return `    await ${input}.selectOption(${sent})`
  return `    await ${input}.fill(${/^'/.test(sent) ? sent : `'${sent}'`})`
}

/** A browser test: an editor creates a row through the pages, edits it, filters the list. */
export function renderBrowserTest({ names, fields }: ResourceTemplateInput): string {
  const editable = formFields(fields)
  const heading = names.label.charAt(0).toUpperCase() + names.label.slice(1)
  const shown = editable.find((field) => field.type === 'string') ?? null
  return `/// <reference lib="dom" />
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { projectWithCast } from '#tests/helpers/projects'

test.group('${names.pluralPascal} | in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an editor creates ${names.aLabel} from the list, then edits it', async ({
    visit,
    browserContext,
  }) => {
    const { project, users } = await projectWithCast()
    await browserContext.loginAs(users.editor)

    const page = await visit(\`/projects/\${project.id}/${names.plural}\`)
    await page.assertVisible('[data-test="${names.plural}-empty"]')
    await page.getByRole('link', { name: 'New ${names.label}' }).click()
    await page.assertPath(\`/projects/\${project.id}/${names.plural}/create\`)
${editable.map((field) => fillField(field, 0)).join('\n')}
    await page.getByRole('button', { name: 'Create ${names.label}' }).click()

    await page.assertVisible('text=${heading} created.')
${shown ? `    await page.assertText('[data-test="${names.file}-${shown.name}"]', ${sampleValue(shown, 0).sent})\n` : ''}
    await page.getByRole('link', { name: 'Edit' }).click()
${editable.map((field) => fillField(field, 1)).join('\n')}
    await page.getByRole('button', { name: 'Save ${names.label}' }).click()
    await page.assertVisible('text=${heading} saved.')
${shown ? `    await page.assertText('[data-test="${names.file}-${shown.name}"]', ${sampleValue(shown, 1).sent})\n` : ''}
    await page.getByRole('link', { name: '${humanizeWords(names.pluralLabel)}' }).click()
    await page.assertText('[data-test="${names.plural}-total"]', '1 ${names.label}')
  })
})
`
}

function humanizeWords(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
