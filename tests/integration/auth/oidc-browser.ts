// A browser, as far as a sign-in needs one: a cookie jar (by name: the app and the provider both live
// on 127.0.0.1, where a browser's cookies ignore the port too) and redirects followed by hand, so a
// test can stop at the provider's redirect back to Tenfold and tamper with it.

export class TestBrowser {
  readonly cookies = new Map<string, string>()

  constructor(readonly appUrl: string) {}

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const method = init.method ?? (init.form ? 'POST' : 'GET')
    const headers = new Headers({ Cookie: this.cookieHeader() })
    if (method !== 'GET') {
      headers.set('Origin', new URL(url).origin)
      headers.set('Sec-Fetch-Site', 'same-origin')
    }
    const response = await fetch(url, {
      method,
      headers,
      body: init.form ? new URLSearchParams(init.form) : undefined,
      redirect: 'manual',
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const [name = '', ...value] = pair.trim().split('=')
      const gone =
        attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) ||
        /expires=Thu, 01 Jan 1970/i.test(line)
      if (gone || value.join('=') === '') this.cookies.delete(name)
      else this.cookies.set(name, value.join('='))
    }
    return response
  }

  /** Follows redirects from `response` until one leads back to Tenfold's callback; returns that URL. */
  async toCallback(response: Response, login: string): Promise<string> {
    for (let hops = 0; hops < 12; hops++) {
      const location = response.headers.get('Location')
      if (location) {
        const next = new URL(location, response.url || this.appUrl).href
        if (next.startsWith(`${this.appUrl}/auth/oidc/callback`)) return next
        response = await this.request(next)
        continue
      }
      const html = await response.text()
      const action = /action="(\/interaction\/[\w-]+\/login)"/.exec(html)?.[1]
      if (!action) throw new Error(`The provider answered ${response.status}: ${html.slice(0, 300)}`)
      response = await this.request(new URL(action, response.url).href, { form: { login } })
    }
    throw new Error('Too many redirects')
  }

  /** Presses "Sign in with …" and signs in at the provider as `login`; returns the callback URL. */
  async startSignIn(login: string, redirectTo = '') {
    const started = await this.request(`${this.appUrl}/auth/oidc/start`, { form: { redirectTo } })
    if (started.status !== 302) throw new Error(`Starting single sign-on answered ${started.status}`)
    return this.toCallback(started, login)
  }

  callback(url: string) {
    return this.request(url)
  }
}
