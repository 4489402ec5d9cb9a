/** What a hidden value is replaced with. */
export const REDACTED = '[redacted]'

/** Keys whose values are secrets, or links that may carry one (a reset link, a signed URL). */
const SECRET_KEY = /password|secret|token|key|authorization|cookie|url|link/i

/** A URL written in text, up to the first space, quote or angle bracket. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/gi

/** A run of characters that reads like a random token: 16 or more base64url characters. */
const RANDOM_RUN = /[\w-]{16,}/

/**
 * `url` as it may be shown: only its origin when its path or query holds a long random segment
 * (a token, a signature), else as it is.
 */
function redactUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  return RANDOM_RUN.test(`${parsed.pathname}${parsed.search}`)
    ? `${parsed.origin}/${REDACTED}`
    : url
}

function redactText(text: string): string {
  return text.replace(URL_IN_TEXT, redactUrl)
}

/**
 * A deep copy of `value` fit to show to staff: values under a key that names a secret or a link
 * (password, token, key, url, …) become "[redacted]", and every URL in a string that carries a
 * long random segment is cut to its origin + "/[redacted]". Use it on job payloads and errors
 * before they leave the server.
 */
export function redactSecrets<T>(value: T): T {
  return redactValue(value) as T
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value)
  if (Array.isArray(value)) return value.map(redactValue)
  if (value instanceof Date) return new Date(value)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_KEY.test(key) ? REDACTED : redactValue(inner),
      ])
    )
  }
  return value
}
