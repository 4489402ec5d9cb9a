import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import LabelTransformer from '#transformers/label_transformer'
import { transformerStacks } from '#services/http/app_transformer'

/** The error a transformer reports when the resource it was given turns out to be undefined. */
async function undefinedResourceError(): Promise<Error> {
  const item = LabelTransformer.transform(undefined as never)!
  try {
    await item.resolve(app.container.createResolver(), 0, 1)
  } catch (error) {
    return error as Error
  }
  throw new Error('transforming undefined did not fail')
}

const FRAME = /\n\s+at /

test.group('AppTransformer | stacks', (group) => {
  const enabled = transformerStacks.enabled
  group.each.teardown(() => {
    transformerStacks.enabled = enabled
  })

  test('in production, transform builds its error report without capturing a stack', async ({
    assert,
  }) => {
    transformerStacks.enabled = false

    const error = await undefinedResourceError()

    assert.include(error.message, 'Cannot transform undefined value')
    assert.notMatch(error.stack ?? '', FRAME)
  })

  test('in development, the error report shows where transform was called', async ({ assert }) => {
    transformerStacks.enabled = true

    const error = await undefinedResourceError()

    assert.include(error.message, 'Cannot transform undefined value')
    assert.match(error.stack ?? '', FRAME)
    assert.include(error.stack ?? '', 'undefinedResourceError')
  })

  test('stacks are captured outside production only', ({ assert }) => {
    assert.equal(transformerStacks.enabled, !app.inProduction)
  })

  test('transform and paginate still answer the framework values', async ({ assert }) => {
    const label = { id: 3, name: 'Bug', color: 'red', projectId: 1 }
    transformerStacks.enabled = false

    const item = LabelTransformer.transform(label as never)!
    const page = LabelTransformer.paginate([label as never], { total: 1 })

    assert.deepInclude(await item.resolve(app.container.createResolver(), 0, 1), {
      id: 3,
      name: 'Bug',
    })
    const resolved = await page.resolve(app.container.createResolver(), 0, 1)
    assert.lengthOf(resolved.data, 1)
  })
})
