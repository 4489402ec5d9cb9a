import { STATUS_CODES } from 'node:http'
import type { ApiOperation } from '#api/operations'
import { PROBLEM_MEDIA_TYPE } from '#api/problem'
import { ref } from '#api/openapi/components'
import { responseSchema } from '#api/openapi/output_schema'

type Response = Record<string, unknown>

/**
 * The problem statuses every authenticated `/api` route may answer. 422 is among them: a NUL
 * character anywhere in a request is refused with 422 before any other check.
 */
export const COMMON_PROBLEMS = [400, 401, 403, 422, 429, 500]

/** The problem statuses every anonymous `/api` route may answer. */
export const ANONYMOUS_PROBLEMS = [400, 422, 429, 500]

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': ref('headers', 'RateLimit-Limit'),
  'RateLimit-Remaining': ref('headers', 'RateLimit-Remaining'),
  'RateLimit-Reset': ref('headers', 'RateLimit-Reset'),
}

/**
 * Every problem status of an operation: the common ones, its own, and those its headers bring
 * (If-Match: 412, 428; Idempotency-Key: 409, 422).
 */
export function problemStatuses(operation: ApiOperation): number[] {
  const common = operation.anonymous ? ANONYMOUS_PROBLEMS : COMMON_PROBLEMS
  const statuses = new Set([
    // Without an ability to lack, a caller is refused with 403 only where the operation says so.
    ...common.filter((status) => status !== 403 || operation.ability !== null),
    ...operation.problems,
  ])
  if (operation.conditional === 'if-match') [412, 428].forEach((status) => statuses.add(status))
  if (operation.idempotent) [409, 422].forEach((status) => statuses.add(status))
  return [...statuses].sort((a, b) => a - b)
}

/** The schema of a success body: `{ data }`, or `{ data, meta, links }` for a list. */
function successSchema(operation: ApiOperation) {
  const data = responseSchema(operation.success.data!)
  if (!operation.success.list) {
    return { type: 'object', additionalProperties: false, required: ['data'], properties: { data } }
  }
  return {
    type: 'object',
    additionalProperties: false,
    required: ['data', 'meta', 'links'],
    properties: {
      data: { type: 'array', items: data },
      meta: { oneOf: [ref('schemas', 'PageMeta'), ref('schemas', 'CursorMeta')] },
      links: ref('schemas', 'ListLinks'),
    },
  }
}

/** The success response, with its ETag when the operation is conditional. */
function successResponse(operation: ApiOperation): Response {
  const headers: Record<string, unknown> = { ...RATE_LIMIT_HEADERS }
  if (operation.conditional) headers.ETag = ref('headers', 'ETag')
  const response: Response = { description: STATUS_CODES[operation.success.status], headers }
  if (operation.success.data) {
    response.content = { 'application/json': { schema: successSchema(operation) } }
  }
  return response
}

/** The schema of a problem status: 422 and 412 carry more than the plain problem. */
function problemSchema(status: number) {
  if (status === 422) return ref('schemas', 'ValidationProblem')
  if (status === 412) return ref('schemas', 'PreconditionProblem')
  return ref('schemas', 'Problem')
}

/** One problem response, with the headers its status sends. */
function problemResponse(status: number): Response {
  const headers: Record<string, unknown> = { ...RATE_LIMIT_HEADERS }
  if (status === 401) headers['WWW-Authenticate'] = ref('headers', 'WWW-Authenticate')
  if (status === 429) headers['Retry-After'] = ref('headers', 'Retry-After')
  return {
    description: STATUS_CODES[status] ?? `Status ${status}`,
    headers,
    content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema(status) } },
  }
}

/** The `responses` of an operation, by status: success, 304 when conditional, the problems. */
export function operationResponses(operation: ApiOperation): Record<string, Response> {
  const responses: Record<string, Response> = {
    [operation.success.status]: successResponse(operation),
  }
  if (operation.conditional === 'etag') {
    responses['304'] = { description: STATUS_CODES[304], headers: { ETag: ref('headers', 'ETag') } }
  }
  for (const status of problemStatuses(operation)) responses[status] = problemResponse(status)
  return responses
}
