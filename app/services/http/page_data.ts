const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * Serializes data as JSON that is safe to place inside a <script> element: no "<", ">" or "&"
 * survives, so neither "</script>" nor "<!--" can change how the HTML parser reads the page.
 * JSON.parse reads the escapes back to the original characters.
 */
export function serializePageData(data: unknown): string {
  return JSON.stringify(data).replace(UNSAFE_IN_SCRIPT, (char) => ESCAPES[char])
}
