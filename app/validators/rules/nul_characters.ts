/** What a person reads about a field holding a NUL character. */
export const NUL_MESSAGE = 'The {{ field }} field must not contain a NUL character'

/**
 * The fields of `input` (a query string or a body, as parsed) whose name or value holds a NUL
 * character, as validators name them: `title`, `labelIds.0`, `_inlines.comments.1.body`.
 * PostgreSQL cannot store the character in text (the query fails) and no form needs it. Walks
 * without recursion, so nesting of any depth is read safely.
 */
export function fieldsWithNul(input: unknown): string[] {
  const found: string[] = []
  const pending: [string, unknown][] = [['', input]]
  while (pending.length > 0) {
    const [path, value] = pending.pop()!
    if (typeof value === 'string') {
      if (value.includes('\0')) found.push(path)
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path === '' ? key : `${path}.${key}`
        if (key.includes('\0')) found.push(childPath.replaceAll('\0', '\\0'))
        else pending.push([childPath, child])
      }
    }
  }
  return found.sort()
}
