/**
 * Reads the Inertia page object embedded in a server-rendered HTML document, exactly as the
 * browser would: the text of the <script data-page> element parsed as JSON. Throws when the element
 * is missing or its content is not valid JSON, so a broken page fails the test.
 */
export function embeddedPage(html: string): { component: string; props: Record<string, any> } {
  const match = html.match(/<script data-page="app" type="application\/json">([\s\S]*?)<\/script>/)
  if (!match) throw new Error('The page has no <script data-page="app"> element')
  return JSON.parse(match[1])
}

/** The nonces of every <script> tag with one. */
export function scriptNonces(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1])
}
