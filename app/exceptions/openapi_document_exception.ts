import { Exception } from '@adonisjs/core/exceptions'

/**
 * The `/api/v1` routes and their descriptions (app/api/operations.ts) do not match, so no OpenAPI
 * document can be written: a route has no name or no description, or a description names no route.
 */
export class OpenApiDocumentException extends Exception {
  static status = 500
  static code = 'E_OPENAPI_DOCUMENT'
}
