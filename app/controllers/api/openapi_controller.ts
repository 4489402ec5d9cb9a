import type { HttpContext } from '@adonisjs/core/http'
import { apiDocument } from '#api/openapi/api_document'
import { stableJson } from '#api/openapi/stable_json'

/** Serves the OpenAPI document of `/api/v1`, built once from the router and the descriptions. */
export default class OpenapiController {
  static #document: string | undefined

  async show({ response }: HttpContext) {
    OpenapiController.#document ??= stableJson(apiDocument())
    response.header('Content-Type', 'application/json; charset=utf-8')
    response.header('Cache-Control', 'no-cache')
    return response.send(OpenapiController.#document)
  }
}
