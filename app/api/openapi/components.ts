import { PROBLEM_MEDIA_TYPE } from '#api/problem'

/** A `$ref` to a named component. */
export function ref(kind: 'schemas' | 'headers' | 'parameters', name: string) {
  return { $ref: `#/components/${kind}/${name}` }
}

/** The problem details (RFC 9457) every `/api` error answers, and its two richer forms. */
const problemSchemas = {
  Problem: {
    type: 'object',
    description: `An error as problem details (RFC 9457), sent as ${PROBLEM_MEDIA_TYPE}.`,
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', description: '`about:blank` unless the problem has its own page.' },
      title: { type: 'string', description: "The status's reason phrase." },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string', description: 'What went wrong in this request.' },
      code: { type: 'string', description: 'A stable error code, e.g. `E_NOT_FOUND`.' },
      errors: { type: 'array', items: ref('schemas', 'FieldProblem') },
      current: { description: 'The representation that is there now (412 only).' },
    },
  },
  FieldProblem: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'rule', 'message'],
    properties: {
      field: { type: 'string', description: 'Dotted path in the body or query: `labelIds.0`.' },
      rule: { type: 'string', description: 'The rule that refused it: `required`, `maxLength`...' },
      message: { type: 'string' },
    },
  },
  ValidationProblem: {
    description: 'A 422 problem: one entry in `errors` per refused field.',
    allOf: [
      ref('schemas', 'Problem'),
      {
        type: 'object',
        required: ['errors'],
        properties: { errors: { type: 'array', items: ref('schemas', 'FieldProblem') } },
      },
    ],
  },
  PreconditionProblem: {
    description: 'A 412 problem: `current` holds the representation that is there now.',
    allOf: [
      ref('schemas', 'Problem'),
      { type: 'object', required: ['current'], properties: { current: {} } },
    ],
  },
}

/** What a list answers beside `data`: its page (page paging or cursor paging) and links. */
const listSchemas = {
  PageMeta: {
    type: 'object',
    additionalProperties: false,
    required: ['paging', 'total', 'page', 'perPage', 'lastPage'],
    properties: {
      paging: { const: 'page' },
      total: { type: 'integer', minimum: 0 },
      page: { type: 'integer', minimum: 1 },
      perPage: { type: 'integer', minimum: 1 },
      lastPage: { type: 'integer', minimum: 1 },
    },
  },
  CursorMeta: {
    type: 'object',
    additionalProperties: false,
    required: ['paging', 'perPage', 'nextCursor'],
    properties: {
      paging: { const: 'cursor' },
      perPage: { type: 'integer', minimum: 1 },
      nextCursor: { type: ['string', 'null'], description: 'Pass as `?cursor=`; null at the end.' },
    },
  },
  ListLinks: {
    type: 'object',
    additionalProperties: false,
    required: ['self', 'next', 'prev'],
    properties: {
      self: { type: 'string' },
      next: { type: ['string', 'null'] },
      prev: { type: ['string', 'null'] },
    },
  },
}

const integerHeader = (description: string) => ({ description, schema: { type: 'integer' } })

/** The response headers the API sends. */
const headers = {
  'ETag': {
    description: 'The version of the representation; send it back in If-Match or If-None-Match.',
    schema: { type: 'string' },
  },
  'RateLimit-Limit': integerHeader('Requests allowed in the current window.'),
  'RateLimit-Remaining': integerHeader('Requests left in the current window.'),
  'RateLimit-Reset': integerHeader('Seconds until the window resets.'),
  'Retry-After': integerHeader('Seconds to wait before trying again.'),
  'WWW-Authenticate': {
    description: 'How to authenticate: `Bearer` with an access token.',
    schema: { type: 'string' },
  },
}

/** The request headers of conditional and idempotent calls. */
const parameters = {
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: true,
    description: 'The ETag of the version this write changes (428 without it, 412 when stale).',
    schema: { type: 'string' },
  },
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'An ETag the caller holds: 304 with no body when it is still current.',
    schema: { type: 'string' },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'A unique key for this POST: a retry with the same key and body replays the first answer; ' +
      'the same key with another body is 422, and while the first call runs, 409.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  },
}

/** How a caller authenticates: an access token, or the browser's session (with its CSRF token). */
const securitySchemes = {
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'An access token, with the abilities each operation names (`x-ability`).',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'atrium-session',
    description:
      "The app's own session, same origin only; writes also send the X-XSRF-TOKEN header.",
  },
}

/** The `components` section of the document. */
export function components() {
  return {
    schemas: { ...problemSchemas, ...listSchemas },
    headers,
    parameters,
    securitySchemes,
  }
}
