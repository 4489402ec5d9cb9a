/**
 * A minimal browser stand-in for tests that talk to real server processes: it keeps cookies
 * across requests (and across servers, as a browser behind one load balancer would) and sends
 * the XSRF token header that Inertia's client sends.
 */
export class CookieClient {
  #cookies = new Map<string, string>()

  /** The value of one cookie as the browser holds it, if it holds it. */
  cookie(name: string): string | undefined {
    return this.#cookies.get(name)
  }

  get cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  #remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const [name, ...rest] = pair.split('=')
      const value = rest.join('=')
      const expired = attributes.some((attribute) => /max-age=0\b/i.test(attribute.trim()))
      if (expired || value === '') this.#cookies.delete(name.trim())
      else this.#cookies.set(name.trim(), value)
    }
  }

  /** A GET that does not follow redirects. */
  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: this.cookieHeader, ...headers },
    })
    this.#remember(response)
    return response
  }

  /** A form POST with the XSRF header taken from the cookie, not following redirects. */
  post(
    url: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {}
  ): Promise<Response> {
    return this.#send(
      url,
      'application/x-www-form-urlencoded',
      new URLSearchParams(fields),
      headers
    )
  }

  /** A JSON POST (as the app's own fetches send), with the XSRF header, not following redirects. */
  postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.#send(url, 'application/json', JSON.stringify(body), {
      accept: 'application/json',
      ...headers,
    })
  }

  async #send(
    url: string,
    contentType: string,
    body: string | URLSearchParams,
    headers: Record<string, string>
  ): Promise<Response> {
    const token = this.#cookies.get('XSRF-TOKEN')
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'cookie': this.cookieHeader,
        'content-type': contentType,
        ...(token ? { 'x-xsrf-token': decodeURIComponent(token) } : {}),
        ...headers,
      },
      body: body.toString(),
    })
    this.#remember(response)
    return response
  }
}
