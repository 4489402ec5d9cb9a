import type { JSONSchema7 } from 'json-schema'

/**
 * Anything that can describe itself as JSON Schema: a VineJS validator or schema (what a request
 * may send), a TypeBox schema wrapped by `outputSchema` (what a response holds).
 */
export type Describable = { toJSONSchema(): JSONSchema7 | Record<string, unknown> }

/** How a list endpoint pages: by page number with a total, and by cursor (keyset). */
export type ListPaging = 'page_and_cursor'

/**
 * What one `/api/v1` route does, for the OpenAPI document and the contract tests: the router gives
 * its method and path, the validators its input, and this the rest. Every named API route must
 * have one (the document generator refuses to run otherwise).
 */
export type ApiOperation = {
  /** The route's name in start/routes/api.ts, e.g. `api.tasks.index`. */
  route: string
  /** One line for the docs' sidebar. */
  summary: string
  /** The group in the docs: `Tasks`, `Projects`... */
  tag: string
  /**
   * The token ability the call needs (`task.view`, `task.add`, `task.change`, `task.delete`: the
   * admin's permission names), or null when any signed-in caller may try (`/me`).
   */
  ability: string | null
  /** The query string's validator, when the route reads one. */
  query?: Describable
  /** The JSON body's validator, when the route takes one. */
  body?: Describable
  /** The success answer: its status and the schema of `data` (null: no body, as for 204). */
  success: { status: 200 | 201 | 204; data: Describable | null; list?: ListPaging }
  /**
   * The problem statuses (RFC 9457) this route may answer besides the ones every authenticated
   * route may (400, 401, 403, 429, 500), e.g. [404, 422].
   */
  problems: number[]
  /** `etag`: answers carry ETag and honour If-None-Match (304); `if-match`: writes need If-Match. */
  conditional?: 'etag' | 'if-match'
  /** POST that honours an Idempotency-Key header. */
  idempotent?: boolean
  /** Whether the route is open to callers with no token and no session (the token login). */
  anonymous?: boolean
  /** More the docs should say about the call, after who may call it (Markdown). */
  notes?: string
}

const operations = new Map<string, ApiOperation>()

/** Declares the API operations of one resource (each resource file calls it once). */
export function describeOperations(...described: ApiOperation[]) {
  for (const operation of described) operations.set(operation.route, operation)
}

/** Every declared operation, by route name. */
export function apiOperations(): ReadonlyMap<string, ApiOperation> {
  return operations
}
