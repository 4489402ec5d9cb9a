import type { ApiClient } from '@japa/api-client'
import { clearRateLimits } from '#tests/helpers/accounts'
import { inSavepoint } from '#tests/helpers/savepoint'
import { sizeChanges, tableSizes } from '#tests/helpers/table_sizes'
import { HOSTILE_VALUES, type RouteCall, urlOf } from '#tests/helpers/route_walk'

/**
 * What one request did: its status and the row counts it changed (null when the rows cannot be
 * counted: a query of the request failed and PostgreSQL refuses any other until the rollback).
 */
type Outcome = { status: number; changes: Record<string, number> | null }

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

/**
 * Sends hostile requests as one visitor, each in a savepoint rolled back after it (so every
 * request meets the same rows), and keeps what went wrong: an answer of 500 or more, a failed
 * query, or a write that the same request without hostile input does not make.
 */
export class RouteWalker {
  requests = 0
  opened = 0
  failures: string[] = []

  constructor(
    private client: ApiClient,
    private visitor: string,
    private session: WalkSession | null,
    private tables: string[],
    private baseline: Record<string, number>
  ) {}

  /** Sends one request: as a JSON client (clear statuses), or as the app's pages do (Inertia). */
  async send(method: string, url: string, body: unknown, asJson = false): Promise<Outcome> {
    this.requests++
    return inSavepoint(async () => {
      let request = this.client.request(url, method).redirects(0)
      request = asJson ? request.accept('json') : request.withInertia()
      if (this.session) request = request.withSession(this.session)
      if (method !== 'GET') request = request.withCsrfToken().json(body ?? {})
      const response = await request
      const sizes = await tableSizes(this.tables).catch(() => null)
      return { status: response.status(), changes: sizes && sizeChanges(this.baseline, sizes) }
    })
  }

  /** Sends a request and checks it: below 500, writing nothing or only what `allowed` wrote. */
  async check(method: string, url: string, body: unknown, allowed: Outcome['changes']) {
    const outcome = await this.send(method, url, body)
    const what = `${this.visitor} ${method} ${url}${body ? ` ${JSON.stringify(body).slice(0, 60)}` : ''}`
    if (outcome.status >= 500) this.failures.push(`${what} → ${outcome.status}`)
    else if (!outcome.changes)
      this.failures.push(`${what} → ${outcome.status} after a failed query`)
    const wrote = JSON.stringify(outcome.changes ?? {})
    if (wrote !== '{}' && wrote !== JSON.stringify(allowed ?? {})) {
      this.failures.push(`${what} wrote ${wrote}`)
    }
  }

  /**
   * Walks one call. First the control: the call as it should be sent, with an empty body (what
   * it writes then, e.g. a deletion, may be written again). Then each parameter with each hostile
   * value (nothing may be written; once per route, on its first expansion), then hostile query
   * values (GET) or hostile bodies (the write methods). Where the control is refused at the door,
   * the NUL character and one number suffice, and a later expansion (another admin model) adds
   * nothing; a later expansion that opens gets every value where its page validates the query or
   * body, two elsewhere.
   */
  async walk(call: RouteCall, input: WalkInput) {
    await clearRateLimits()
    const control = await this.send(call.method, urlOf(call), {}, true)
    if (control.status >= 500 || !control.changes) {
      this.failures.push(`${this.visitor} ${call.method} ${urlOf(call)} → ${control.status}`)
    }
    const open = !DOOR_CLOSED.has(control.status)
    if (open) this.opened++
    if (!open && !call.first) return

    if (call.first) {
      for (const param of Object.keys(call.params)) {
        for (const value of HOSTILE_VALUES) {
          const url = urlOf(call, { ...call.params, [param]: value })
          await this.check(call.method, url, call.method === 'GET' ? undefined : {}, null)
        }
      }
    }

    if (call.method === 'GET') {
      const queries =
        open && call.queryNames.length > 0
          ? perName(call.queryNames, HOSTILE_VALUES)
          : allAtOnce(input.queryNames, open && call.first ? HOSTILE_VALUES : AT_THE_DOOR)
      for (const query of queries) {
        await this.check('GET', `${urlOf(call)}?${query}`, undefined, control.changes)
      }
      return
    }
    for (const body of open ? input.bodies : input.bodies.slice(0, 2)) {
      await this.check(call.method, urlOf(call), body, control.changes)
    }
  }
}
