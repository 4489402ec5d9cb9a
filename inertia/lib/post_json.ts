/** The field errors of a refused JSON request, by field, as forms show them. */
export type FieldErrors = Record<string, string>

/** A JSON request the server refused, with its field errors when it gave them (422). */
export class JsonRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldErrors
  ) {
    super(Object.values(errors)[0] ?? `The request failed (${status}).`)
  }
}

/** The XSRF token the server put in a cookie, which it expects back in a header. */
function xsrfToken(): string | null {
  const cookie = document.cookie.split('; ').find((pair) => pair.startsWith('XSRF-TOKEN='))
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : null
}

/**
 * POSTs `body` as JSON to one of the app's endpoints (with the session and XSRF token, as
 * Inertia's requests carry them) and returns the JSON answer. A refused request throws a
 * {@link JsonRequestError} with the field errors of a failed validation.
 */
export async function postJson<Answer>(url: string, body: object = {}): Promise<Answer> {
  const token = xsrfToken()
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Accept': 'application/json',
      'Content-Type': 'application/json',
      ...(token ? { 'X-XSRF-TOKEN': token } : {}),
    },
    body: JSON.stringify(body),
  })
  const answer = await response.json().catch(() => null)
  if (!response.ok) {
    const errors: FieldErrors = {}
    for (const error of answer?.errors ?? []) {
      if (error?.field && !errors[error.field]) errors[error.field] = String(error.message)
    }
    throw new JsonRequestError(response.status, errors)
  }
  return answer as Answer
}
