import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Writes the OpenAPI document of the `/api/v1` routes (openapi/v1.json) and the typed client
 * generated from it (openapi/client/). Run it after changing an API route, its description, a
 * validator or an output schema: a unit test fails while the committed files are stale.
 */
export default class ApiOpenapi extends BaseCommand {
  static commandName = 'api:openapi'
  static description = 'Write the OpenAPI document (openapi/v1.json) and its typed client'

  static options: CommandOptions = { startApp: true }

  async run() {
    const { apiDocument } = await import('#api/openapi/api_document')
    const { generatedFiles } = await import('#openapi/generated_files')

    for (const [path, contents] of await generatedFiles(apiDocument())) {
      await mkdir(dirname(this.app.makePath(path)), { recursive: true })
      await writeFile(this.app.makePath(path), contents)
      this.logger.action(`write ${path}`).succeeded()
    }
  }
}
