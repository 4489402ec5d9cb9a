type QueryValue = string | number | boolean | Date | null | undefined | QueryValue[] | QueryObject
type QueryObject = { [key: string]: QueryValue }

function encodeScalar(value: string | number | boolean | Date): string {
  return encodeURIComponent(value instanceof Date ? value.toISOString() : String(value))
}

function append(parts: string[], key: string, value: QueryValue) {
  if (value === null || value === undefined) return
  if (Array.isArray(value)) {
    for (const item of value) append(parts, `${key}[]`, item)
  } else if (typeof value === 'object' && !(value instanceof Date)) {
    for (const [child, childValue] of Object.entries(value)) {
      append(parts, `${key}[${encodeURIComponent(child)}]`, childValue)
    }
  } else {
    parts.push(`${key}=${encodeScalar(value)}`)
  }
}

/**
 * Serializes query parameters the way the server's body parser reads them back: arrays as
 * `status[]=todo&status[]=done`, objects as `filter[status]=todo`; null and undefined are skipped.
 */
export function toQueryString(query: Record<string, any>): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(query)) append(parts, encodeURIComponent(key), value)
  return parts.join('&')
}
