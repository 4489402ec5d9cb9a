import type { ApiClient } from '@japa/api-client'
import { clearRateLimits } from '#tests/helpers/accounts'
import { inSavepoint } from '#tests/helpers/savepoint'
import { sizeChanges, tableSizes } from '#tests/helpers/table_sizes'
import { HOSTILE_VALUES, type RouteCall, urlOf } from '#tests/helpers/route_walk'

/** What a logged-in visitor's requests carry in their session: the login and its tracking key. */
export type WalkSession = { auth_web: number; session_key: string }

/** What a walk sends besides URLs: hostile bodies, and every query parameter the app reads. */
export type WalkInput = { bodies: Record<string, unknown>[]; queryNames: string[] }

/** Answers of a request refused at the door (no login, no permission, no such row for this user). */
const DOOR_CLOSED = new Set([401, 403, 404])

/** The hostile query values sent where the door is closed: a NUL character, a number beyond ids. */
const AT_THE_DOOR = ['%00', '2147483648']

/** Each query parameter alone with each hostile value, and as a list. */
function perName(names: string[], values: string[]): string[] {
  return names.flatMap((name) => [...values.map((value) => `${name}=${value}`), `${name}[]=abc`])
}

/** Every query parameter the app reads, all set to one hostile value at a time, then as lists. */
function allAtOnce(names: string[], values: string[]): string[] {
  return [
    ...values.map((value) => names.map((name) => `${name}=${value}`).join('&')),
    names.map((name) => `${name}[]=abc`).join('&'),
  ]
}

/** One request of a walk: its method, URL and JSON body (write methods). */
type Sent = { method: string; url: string; body?: unknown }

/**
 * Sends hostile requests as one visitor, in savepoints rolled back after them (so every request
 * meets the same rows), and keeps what went wrong: an answer of 500 or more, a failed query, or a
 * write that the same request without hostile input does not make.
 */
export class RouteWalker {
  /** Requests sent, by what was hostile in them (nothing, for the controls). */
  sent = { control: 0, params: 0, query: 0, body: 0 }
  opened = 0
  failures: string[] = []

  constructor(
    private client: ApiClient,
    private visitor: string,
    private session: WalkSession | null,
    private tables: string[],
    private baseline: Record<string, number>
  ) {}

  /** How many requests were sent. */
  get requests(): number {
    return Object.values(this.sent).reduce((sum, count) => sum + count, 0)
  }

  /** Sends one request, as a JSON client (plain statuses) or as the app's pages do (Inertia). */
  private async answer({ method, url, body }: Sent, asJson = false): Promise<number> {
    let request = this.client.request(url, method).redirects(0)
    request = asJson ? request.accept('json') : request.withInertia()
    if (this.session) request = request.withSession(this.session)
    if (method !== 'GET') request = request.withCsrfToken().json(body ?? {})
    const response = await request
    return response.status()
  }

  /** The row counts that changed since the walk began, or null once a query failed. */
  private async changes(): Promise<string | null> {
    const sizes = await tableSizes(this.tables).catch(() => null)
    return sizes && JSON.stringify(sizeChanges(this.baseline, sizes))
  }

  /** How a failure names a request. */
  private describe({ method, url, body }: Sent): string {
    const sent = body ? ` ${JSON.stringify(body).slice(0, 60)}` : ''
    return `${this.visitor} ${method} ${url}${sent}`
  }

  /**
   * Sends `requests` in one savepoint and checks them: each answered below 500, no query failed,
   * and together they wrote one of `allowed` (row count changes as JSON).
   */
  private async check(kind: keyof RouteWalker['sent'], requests: Sent[], allowed: string[]) {
    if (requests.length === 0) return
    this.sent[kind] += requests.length
    await inSavepoint(async () => {
      for (const sent of requests) {
        const status = await this.answer(sent)
        if (status >= 500) this.failures.push(`${this.describe(sent)} → ${status}`)
      }
      const wrote = await this.changes()
      const which =
        requests.length === 1
          ? this.describe(requests[0])
          : `${this.describe(requests[0])} (one of ${requests.length})`
      if (wrote === null) this.failures.push(`${which} → a query failed`)
      else if (!allowed.includes(wrote)) this.failures.push(`${which} wrote ${wrote}`)
    })
  }

  /**
   * Walks one call. First the control: the call as it should be sent, with an empty body (what
   * it writes then, e.g. a deletion, may be written again). Then each parameter with each hostile
   * value (nothing may be written; once per route, on its first expansion), then hostile query
   * values (GET) or hostile bodies (the write methods). Where the control is refused at the door,
   * the NUL character and one number suffice, and a later expansion (another admin model) adds
   * nothing; a later expansion that opens gets every value where its page validates the query or
   * body, two elsewhere. Requests that may write nothing share a savepoint; the others get one each.
   */
  async walk(call: RouteCall, input: WalkInput) {
    await clearRateLimits()
    const valid = { method: call.method, url: urlOf(call) }
    this.sent.control++
    const [status, written] = await inSavepoint(async () => [
      await this.answer({ ...valid, body: {} }, true),
      await this.changes(),
    ])
    if (status >= 500 || written === null) this.failures.push(`${this.describe(valid)} → ${status}`)
    const open = !DOOR_CLOSED.has(status)
    if (open) this.opened++
    if (!open && !call.first) return
    const nothing = '{}'
    const allowed = [nothing, written ?? nothing]

    if (call.first) {
      const hostile = Object.keys(call.params).flatMap((param) =>
        HOSTILE_VALUES.map((value) => ({
          method: call.method,
          url: urlOf(call, { ...call.params, [param]: value }),
          body: call.method === 'GET' ? undefined : {},
        }))
      )
      await this.check('params', hostile, [nothing])
    }

    if (call.method === 'GET') {
      const queries = (
        open && call.queryNames.length > 0
          ? perName(call.queryNames, HOSTILE_VALUES)
          : allAtOnce(input.queryNames, open && call.first ? HOSTILE_VALUES : AT_THE_DOOR)
      ).map((query) => ({ method: 'GET', url: `${valid.url}?${query}` }))
      if (written === nothing) await this.check('query', queries, [nothing])
      else for (const query of queries) await this.check('query', [query], allowed)
      return
    }
    for (const body of open ? input.bodies : input.bodies.slice(0, 2)) {
      await this.check('body', [{ ...valid, body }], allowed)
    }
  }
}
