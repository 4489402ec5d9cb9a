/** A request as the ceiling's handlers see it: no framework, the parts they read. */
export type CeilingRequest = {
  method: string
  /** The path and query string, as sent. */
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** What a handler answers. */
export type CeilingResponse = {
  status: number
  headers: Record<string, string | string[]>
  body: string | Buffer
}

/** The headers every answer carries, as Atrium's do (its CSP nonce aside). */
export const SECURITY_HEADERS = {
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
}

/** A plain-text answer. */
export function text(status: number, body: string): CeilingResponse {
  return {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
    body,
  }
}

/** A redirect, with cookies to set. */
export function redirect(location: string, cookies: string[] = []): CeilingResponse {
  return {
    status: 302,
    headers: {
      ...SECURITY_HEADERS,
      location,
      ...(cookies.length ? { 'set-cookie': cookies } : {}),
    },
    body: '',
  }
}

/** One header's value (the first, when sent twice). */
export function header(request: CeilingRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}
