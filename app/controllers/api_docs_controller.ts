import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { DOCS_ASSETS, docsAssetsVersion } from '#api/openapi/docs_assets'

/**
 * The interactive API documentation (Swagger UI, served from this origin): a page that loads the
 * OpenAPI document, where a caller pastes an access token and tries the calls.
 */
export default class ApiDocsController {
  async show({ view }: HttpContext) {
    const version = docsAssetsVersion()
    const assets = DOCS_ASSETS.map((file) => [
      file,
      `${urlFor('api_docs.assets', { file })}?v=${version}`,
    ])
    return view.render('api_docs', {
      documentUrl: urlFor('api.openapi'),
      assets: Object.fromEntries(assets),
    })
  }
}
