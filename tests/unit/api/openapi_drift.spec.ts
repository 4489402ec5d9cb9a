import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { apiDocument } from '#api/openapi/api_document'
import { GENERATE_COMMAND, generatedFiles } from '#openapi/generated_files'

/** A committed file's text, or null when it is missing. */
async function committed(path: string): Promise<string | null> {
  return readFile(app.makePath(path), 'utf8').catch(() => null)
}

test.group('OpenAPI document | committed files', () => {
  test('the committed document and client are what the code generates', async ({ assert }) => {
    const stale: string[] = []
    for (const [path, contents] of await generatedFiles(apiDocument())) {
      if ((await committed(path)) !== contents) stale.push(path)
    }

    assert.deepEqual(
      stale,
      [],
      `${stale.join(', ')} differ from what the routes, their descriptions and schemas give: ` +
        `run \`${GENERATE_COMMAND}\` and commit the result`
    )
  })
})
