import type { HttpContext } from '@adonisjs/core/http'
import { docsAssetPath, isDocsAsset } from '#api/openapi/docs_assets'

/**
 * The files of the docs page's renderer, streamed from its package. Their URLs carry the package's
 * version, so a browser may keep them for a year.
 */
export default class ApiDocsAssetsController {
  async show({ params, response }: HttpContext) {
    if (!isDocsAsset(params.file)) return response.notFound()
    response.header('Cache-Control', 'public, max-age=31536000, immutable')
    return response.download(docsAssetPath(params.file), true)
  }
}
