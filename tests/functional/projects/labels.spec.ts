import { test } from '@japa/runner'
import Label from '#models/label'
import testUtils from '@adonisjs/core/services/test_utils'
import { projectWithCast } from '#tests/helpers/projects'
import { createProject } from '#services/projects/projects'

test.group('Labels', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an editor creates, renames, recolours and deletes a label', async ({ client, assert }) => {
    const { project, users } = await projectWithCast()

    await client
      .post(`/projects/${project.id}/labels`)
      .withCsrfToken()
      .loginAs(users.editor)
      .form({ name: ' design ', color: '#123abc' })
    const label = await Label.findByOrFail('name', 'design')
    assert.equal(label.color, '#123abc')

    await client
      .put(`/projects/${project.id}/labels/${label.id}`)
      .withCsrfToken()
      .loginAs(users.editor)
      .form({ name: 'ux', color: '#abcdef' })
    await label.refresh()
    assert.deepEqual([label.name, label.color], ['ux', '#abcdef'])

    await client
      .delete(`/projects/${project.id}/labels/${label.id}`)
      .withCsrfToken()
      .loginAs(users.editor)
    assert.isNull(await Label.find(label.id))
  })

  test('refuses a duplicate name in the project, a bad colour, an empty name', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const attempts: [Record<string, string>, Record<string, string[]>][] = [
      [{ name: 'bug', color: '#000000' }, { name: ['The name has already been taken'] }],
      [{ name: 'red', color: 'red' }, { color: ['The color field format is invalid'] }],
      [{ name: '', color: '#000000' }, { name: ['The name field must be defined'] }],
    ]

    for (const [form, errors] of attempts) {
      const response = await client
        .post(`/projects/${project.id}/labels`)
        .withCsrfToken()
        .header('referer', `/projects/${project.id}/labels`)
        .loginAs(users.editor)
        .form(form)
        .redirects(0)
      response.assertFlashMessage('inputErrorsBag', errors)
    }
    assert.lengthOf(await Label.query().where('project_id', project.id), 1)
  })

  test('the same name may exist in another project', async ({ client, assert }) => {
    const { users } = await projectWithCast()
    const other = await createProject(users.editor, { name: 'Gemini' })

    await client
      .post(`/projects/${other.id}/labels`)
      .withCsrfToken()
      .loginAs(users.editor)
      .form({ name: 'bug', color: '#000000' })

    assert.lengthOf(await Label.query().where('project_id', other.id), 1)
  })

  test('a label of another project cannot be reached through this one', async ({
    client,
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const other = await createProject(users.nonMember, { name: 'Secret' })
    const foreign = await Label.create({ projectId: other.id, name: 'hidden', color: '#111111' })

    const response = await client
      .delete(`/projects/${project.id}/labels/${foreign.id}`)
      .withCsrfToken()
      .loginAs(users.owner)

    response.assertStatus(404)
    assert.isNotNull(await Label.find(foreign.id))
  })

  test('an archived project keeps its labels as they are', async ({ client, assert }) => {
    const { project, users, label } = await projectWithCast()
    await client.post(`/projects/${project.id}/archive`).withCsrfToken().loginAs(users.owner)

    const response = await client
      .put(`/projects/${project.id}/labels/${label.id}`)
      .withCsrfToken()
      .header('referer', '/projects')
      .loginAs(users.owner)
      .form({ name: 'changed', color: '#000000' })
      .redirects(0)

    response.assertFlashMessage('error', 'You are not allowed to do this.')
    await label.refresh()
    assert.equal(label.name, 'bug')
  })
})
