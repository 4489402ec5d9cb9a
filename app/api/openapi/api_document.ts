import router from '@adonisjs/core/services/router'
import { apiOperations } from '#api/operations'
import { buildOpenApiDocument, type OpenApiDocument } from '#api/openapi/build_document'

/** The `/api/v1` routes that serve documentation rather than being operations of the API. */
export const DOCUMENTATION_ROUTES = ['api.openapi'] as const

/**
 * The OpenAPI document of this app's routes, as served at /api/v1/openapi.json and written by
 * `node ace api:openapi`. Commits the router first (done already once the server has started).
 */
export function apiDocument(): OpenApiDocument {
  router.commit()
  return buildOpenApiDocument({
    routes: Object.values(router.toJSON()).flat(),
    operations: apiOperations(),
    undocumented: DOCUMENTATION_ROUTES,
  })
}
