import type { ApiOperation } from '#api/operations'
import { OpenApiDocumentException } from '#exceptions/openapi_document_exception'
import { components } from '#api/openapi/components'
import { operationObject } from '#api/openapi/operation_object'
import { sortKeys } from '#api/openapi/stable_json'
import {
  type ApiRoute,
  apiRoutes,
  documentedMethods,
  openApiPath,
} from '#api/openapi/route_paths'

/** An OpenAPI 3.1 document, as plain JSON. */
export type OpenApiDocument = {
  openapi: '3.1.1'
  info: { title: string; version: string; description: string }
  paths: Record<string, Record<string, Record<string, unknown>>>
  components: ReturnType<typeof components>
  [key: string]: unknown
}

/** What the document is built from. */
export type DocumentSources = {
  /** Every route of the router (`Object.values(router.toJSON()).flat()`). */
  routes: ApiRoute[]
  /** The operations' descriptions, by route name (`apiOperations()`). */
  operations: ReadonlyMap<string, ApiOperation>
  /** Names of `/api/v1` routes that are not operations of the API (the document itself). */
  undocumented: readonly string[]
}

/** The named `/api/v1` routes to document, refusing an unnamed one. */
function documentedRoutes(sources: DocumentSources): ApiRoute[] {
  const routes = apiRoutes(sources.routes).filter(
    (route) => !sources.undocumented.includes(route.name ?? '')
  )
  const unnamed = routes.filter((route) => !route.name).map((route) => route.pattern)
  if (unnamed.length > 0) {
    throw new OpenApiDocumentException(
      `The /api/v1 routes ${unnamed.join(', ')} have no name: name them "api.<resource>.<verb>" ` +
        'and describe them with describeOperations() (app/api/operations.ts)'
    )
  }
  return routes
}

/** Refuses a route with no description, and a description that names no route. */
function checkDescriptions(routes: ApiRoute[], operations: ReadonlyMap<string, ApiOperation>) {
  const names = new Set(routes.map((route) => route.name!))
  const undescribed = [...names].filter((name) => !operations.has(name)).sort()
  if (undescribed.length > 0) {
    throw new OpenApiDocumentException(
      `The /api/v1 routes ${undescribed.map((name) => `"${name}"`).join(', ')} have no ` +
        'description: describe them with describeOperations() (app/api/operations.ts)'
    )
  }
  const orphans = [...operations.keys()].filter((name) => !names.has(name)).sort()
  if (orphans.length > 0) {
    throw new OpenApiDocumentException(
      `The descriptions of ${orphans.map((name) => `"${name}"`).join(', ')} name no /api/v1 ` +
        'route: fix the route name in describeOperations() or remove the description'
    )
  }
}

/**
 * The OpenAPI 3.1 document of the `/api/v1` routes, from the router's routes and the operations'
 * descriptions, with sorted keys. Throws an OpenApiDocumentException when they do not match.
 */
export function buildOpenApiDocument(sources: DocumentSources): OpenApiDocument {
  const routes = documentedRoutes(sources)
  checkDescriptions(routes, sources.operations)

  const paths: OpenApiDocument['paths'] = {}
  const tags = new Set<string>()
  for (const route of routes) {
    const operation = sources.operations.get(route.name!)!
    const path = (paths[openApiPath(route.pattern)] ??= {})
    for (const method of documentedMethods(route)) {
      path[method] = operationObject(operation, route.pattern)
    }
    tags.add(operation.tag)
  }

  return sortKeys({
    openapi: '3.1.1',
    info: {
      title: 'Atrium API',
      version: '1',
      description:
        'The JSON API of Atrium. Authenticate with an access token (`Authorization: Bearer ...`) ' +
        'or, from the app itself, with the session and its CSRF token. Errors are problem ' +
        'details (application/problem+json).',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '/' }],
    security: [{ bearerToken: [] }, { session: [] }],
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: components(),
  })
}
