const ESCAPE_LIKE = /[\\%_]/g

/** A lower-cased `%term%` pattern for `like … escape '\'`, with the wildcards of `term` escaped. */
export function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(ESCAPE_LIKE, (char) => `\\${char}`)}%`
}
