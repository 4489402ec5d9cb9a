function isControlCharacter(char: string): boolean {
  const code = char.charCodeAt(0)
  return code < 0x20 || code === 0x7f
}

/**
 * Returns `target` when it is a path on this site ("/projects/1?tab=tasks"), else `fallback`.
 * Refuses absolute URLs, protocol-relative ones ("//evil.example"), backslash tricks ("/\evil"),
 * and control characters, so a return address can never send a user to another site.
 */
export function safeRedirectPath(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || target.length === 0 || target.length > 2000) return fallback
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\'))
    return fallback
  if (target.includes('\\') || [...target].some(isControlCharacter)) return fallback

  let path: string
  try {
    const resolved = new URL(target, 'http://atrium.invalid')
    if (resolved.origin !== 'http://atrium.invalid') return fallback
    path = resolved.pathname + resolved.search + resolved.hash
  } catch {
    return fallback
  }

  // Normalizing "/..//evil.example" yields "//evil.example": check the result again.
  return path.startsWith('//') || path.startsWith('/\\') ? fallback : path
}
