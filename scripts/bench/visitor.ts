/**
 * A logged-in (or anonymous) visitor of the app under test: keeps its cookies, knows the asset
 * version Inertia requests must carry, and builds the headers of an Inertia visit.
 */
export class Visitor {
  #cookies = new Map<string, string>()
  version = ''

  readonly baseUrl: string

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl
  }

  get cookie(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  get xsrfToken(): string {
    return decodeURIComponent(this.#cookies.get('XSRF-TOKEN') ?? '')
  }

  /** The headers of an Inertia visit (an `X-Inertia` request) from this visitor. */
  inertiaHeaders(): Record<string, string> {
    return {
      'cookie': this.cookie,
      'x-inertia': 'true',
      'x-inertia-version': this.version,
      'x-requested-with': 'XMLHttpRequest',
      'accept': 'text/html, application/xhtml+xml',
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { cookie: this.cookie, ...(init.headers as Record<string, string>) },
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const index = pair.indexOf('=')
      this.#cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1))
    }
    return response
  }

  /** An Inertia visit; returns the page object the server answered with. */
  async visit(path: string): Promise<{ component: string; props: Record<string, any> }> {
    const response = await this.request(path, { headers: this.inertiaHeaders() })
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`)
    return response.json() as Promise<{ component: string; props: Record<string, any> }>
  }

  /** Loads the login page (cookies, CSRF token, asset version) and logs in. */
  async logIn(email: string, password: string) {
    const page = await this.request('/login')
    const html = await page.text()
    this.version =
      html
        .match(/&quot;version&quot;:&quot;([^&]+)&quot;|"version":"([^"]+)"/)
        ?.slice(1)
        .find(Boolean) ?? ''
    const response = await this.request('/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-xsrf-token': this.xsrfToken,
      },
      body: new URLSearchParams({ email, password }).toString(),
    })
    if (response.status !== 302 || response.headers.get('location') === '/login') {
      throw new Error(`Logging in as ${email} failed (${response.status})`)
    }
  }
}
