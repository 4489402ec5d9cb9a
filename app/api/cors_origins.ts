/**
 * The origins of a comma separated list (API_CORS_ORIGINS), as browsers send them in `Origin`:
 * `https://app.example.com`, `http://localhost:5173`. An entry that is not exactly an origin (a
 * path, a trailing slash, a wildcard) is refused at boot, naming it, rather than never matching.
 */
export function parseCorsOrigins(list: string | undefined): string[] {
  if (!list) return []
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of entries) {
    if (originOf(entry) !== entry) {
      throw new Error(
        `API_CORS_ORIGINS: "${entry}" is not an origin (scheme://host[:port], no path or slash)`
      )
    }
  }
  return [...new Set(entries)]
}

function originOf(entry: string): string | null {
  try {
    const url = new URL(entry)
    return ['http:', 'https:'].includes(url.protocol) ? url.origin : null
  } catch {
    return null
  }
}
