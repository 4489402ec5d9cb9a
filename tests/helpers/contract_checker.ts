import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { OpenApiDocument } from '#api/openapi/build_document'
import { API_PREFIX } from '#api/openapi/route_paths'
import { PROBLEM_MEDIA_TYPE } from '#api/problem'

/** One response of the API, as a test saw it. */
export type SeenResponse = {
  method: string
  /** The request's URL or path; the query string is ignored. */
  url: string
  status: number
  /** The Content-Type header, when the response had a body. */
  contentType?: string | null
  /** The raw body. */
  text: string
}

/** An operation of the document that a path and method match. */
type MatchedOperation = {
  path: string
  method: string
  key: string
  responses: Record<string, Record<string, unknown>>
}

const DOCUMENT_ID = 'https://atrium.invalid/openapi/v1.json'

/** A parameter of an operation, as far as matching a path reads it. */
type ParameterObject = { name?: string; in?: string; schema?: { type?: string } }

/**
 * The regular expression source of a documented path: an integer parameter matches digits only
 * (`/tasks/abc` is no call of `/tasks/{id}`), any other parameter one segment.
 */
function pathSource(path: string, parameters: ParameterObject[] = []): string {
  const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
  return escaped.replace(/\{(\w+)\}/g, (_match, name) => {
    const parameter = parameters.find((entry) => entry.in === 'path' && entry.name === name)
    return parameter?.schema?.type === 'integer' ? '[1-9]\\d*' : '[^/]+'
  })
}

/** A JSON pointer segment (RFC 6901). */
const pointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1')

/**
 * Checks responses against the OpenAPI document and records which (operation, status) pairs the
 * tests produced: the contract tests' core, used by the api client hook (tests/helpers/api_contract.ts).
 */
export class ContractChecker {
  #seen = new Set<string>()
  #validators = new Map<string, ValidateFunction>()
  #ajv = new Ajv2020({ strict: false, allErrors: true })
  #matchers: { method: string; path: string; pattern: RegExp; literal: number }[] = []

  constructor(private document: OpenApiDocument) {
    addFormats.default(this.#ajv)
    this.#ajv.addSchema({ ...document, $id: DOCUMENT_ID })
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const source = pathSource(path, operation.parameters as ParameterObject[] | undefined)
        this.#matchers.push({
          method,
          path,
          pattern: new RegExp(`^${source}$`),
          literal: path.replace(/\{\w+\}/g, '').length,
        })
      }
    }
    // A literal segment wins over a parameter: /tasks/search before /tasks/{id}.
    this.#matchers.sort((a, b) => b.literal - a.literal)
  }

  /** Whether a URL is one the document is about (`/api/v1/...`). */
  static isApiUrl(url: string): boolean {
    const path = new URL(url, 'http://localhost').pathname
    return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)
  }

  /** The operation a method and URL name, or null. */
  #operation(method: string, url: string): MatchedOperation | null {
    const path = new URL(url, 'http://localhost').pathname
    const lower = method.toLowerCase()
    const found = this.#matchers.find((m) => m.method === lower && m.pattern.test(path))
    if (!found) return null
    const { responses } = this.document.paths[found.path][lower] as Pick<
      MatchedOperation,
      'responses'
    >
    return {
      path: found.path,
      method: lower,
      key: `${method.toUpperCase()} ${found.path}`,
      responses,
    }
  }

  /** The validator of the schema at `ref` (a URI into the document), compiled once. */
  #validator(ref: string) {
    let validate = this.#validators.get(ref)
    if (!validate) {
      validate = this.#ajv.compile({ $ref: ref })
      this.#validators.set(ref, validate)
    }
    return validate
  }

  /**
   * The ways `response` breaks the document (empty when it keeps it): an undocumented operation
   * or status, another media type, or a body its schema refuses. Records the pair when documented.
   */
  check(response: SeenResponse): string[] {
    const call = `${response.method.toUpperCase()} ${new URL(response.url, 'http://localhost').pathname}`
    const operation = this.#operation(response.method, response.url)
    if (!operation) return this.#checkUnmatched(call, response)

    const documented = operation.responses[String(response.status)]
    if (!documented) {
      const statuses = Object.keys(operation.responses).join(', ')
      return [`${call}: status ${response.status} is not documented (documented: ${statuses})`]
    }
    this.#seen.add(`${operation.key} ${response.status}`)

    const content = documented.content as Record<string, unknown> | undefined
    if (!content) {
      return response.text === '' ? [] : [`${call} ${response.status}: documented with no body`]
    }
    const mediaType = Object.keys(content)[0]
    const ref =
      `${DOCUMENT_ID}#/paths/${pointer(operation.path)}/${operation.method}/responses/` +
      `${response.status}/content/${pointer(mediaType)}/schema`
    return this.#checkBody(call, response, mediaType, ref)
  }

  /**
   * A call that matches no operation (an unknown URL, a bad id, a method the path lacks) may only
   * be refused, with a 404 or 405 problem.
   */
  #checkUnmatched(call: string, response: SeenResponse): string[] {
    if (![404, 405].includes(response.status)) {
      return [`${call}: no operation of the OpenAPI document matches this call`]
    }
    return this.#checkBody(
      call,
      response,
      PROBLEM_MEDIA_TYPE,
      `${DOCUMENT_ID}#/components/schemas/Problem`
    )
  }

  /** The ways a body breaks its media type and the schema at `ref`. */
  #checkBody(call: string, response: SeenResponse, mediaType: string, ref: string): string[] {
    const actualType = (response.contentType ?? '').split(';')[0].trim()
    if (actualType !== mediaType) {
      return [`${call} ${response.status}: Content-Type "${actualType}", documented "${mediaType}"`]
    }
    let body: unknown
    try {
      body = JSON.parse(response.text)
    } catch {
      return [`${call} ${response.status}: the body is not JSON`]
    }
    const validate = this.#validator(ref)
    if (validate(body)) return []
    return (validate.errors ?? []).map(
      (error) =>
        `${call} ${response.status}: body${error.instancePath} ${error.message} ` +
        `(${error.schemaPath.replace(/^.*?\/schema(?=\/|$)/, '#')})`
    )
  }

  /** The documented (operation, status) pairs no checked response produced, as `GET /path 404`. */
  missing(exempt: readonly number[] = []): string[] {
    const missing: string[] = []
    for (const [path, item] of Object.entries(this.document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const status of Object.keys(operation.responses as object)) {
          if (exempt.includes(Number(status))) continue
          const key = `${method.toUpperCase()} ${path} ${status}`
          if (!this.#seen.has(key)) missing.push(key)
        }
      }
    }
    return missing.sort()
  }
}
