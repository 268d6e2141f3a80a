import { generateKeyPairSync, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider'

// A real OpenID provider for the tests (the certified oidc-provider package) on a free port of
// 127.0.0.1. Its login page asks only for a username (one of `accounts`); consent is granted at once,
// as a company's provider does for its own applications. `tamper` makes it misbehave as a broken or
// hostile provider would, through its own ID token class: tokens still signed with its real keys.

export type TestAccount = {
  email?: string
  email_verified?: boolean
  name?: string
  groups?: string[]
}

export type Tamper = 'expired' | 'wrong-audience' | 'wrong-nonce' | null

export type TestProvider = {
  issuer: string
  clientId: string
  clientSecret: string
  /** A second registered application: ID tokens issued to it carry its audience, not Tenfold's. */
  otherClientId: string
  accounts: Map<string, TestAccount>
  tamper: Tamper
  /** Creates the provider once Tenfold's origin (and so its redirect URI) is known. */
  register(appOrigin: string): void
  close(): Promise<void>
}

function page(body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head><body><main>${body}</main></body></html>`
}

async function readForm(req: http.IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

export async function startOidcProvider(): Promise<TestProvider> {
  let provider: Provider | undefined
  const server = http.createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503
      res.end('not registered yet')
      return
    }
    void handle(provider, req, res).catch((error: unknown) => {
      res.statusCode = 500
      res.end(String(error))
    })
  })
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const handle = async (op: Provider, req: http.IncomingMessage, res: http.ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url?.split('?')[0] ?? '')
    if (!match) return op.callback()(req, res)
    const details = await op.interactionDetails(req, res)
    if (req.method === 'POST' && match[2]) {
      const login = (await readForm(req)).get('login') ?? ''
      if (!state.accounts.has(login)) {
        res.statusCode = 400
        res.setHeader('Content-Type', 'text/html')
        res.end(page('<p role="alert">Unknown user</p>'))
        return
      }
      await op.interactionFinished(
        req,
        res,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      )
      return
    }
    res.setHeader('Content-Type', 'text/html')
    res.end(
      page(`<h1>Test identity provider</h1>
        <form method="post" action="/interaction/${details.uid}/login">
          <label>Username <input name="login" autocomplete="username"></label>
          <button type="submit">Continue</button>
        </form>`),
    )
  }

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const state: TestProvider = {
    issuer,
    clientId: 'tenfold',
    clientSecret: randomBytes(24).toString('hex'),
    otherClientId: 'another-app',
    accounts: new Map(),
    tamper: null,
    register(appOrigin) {
      const configuration: Configuration = {
        clients: [
          {
            client_id: state.clientId,
            client_secret: state.clientSecret,
            redirect_uris: [`${appOrigin}/auth/oidc/callback`],
            post_logout_redirect_uris: [`${appOrigin}/login`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
          {
            client_id: state.otherClientId,
            client_secret: randomBytes(24).toString('hex'),
            redirect_uris: ['http://127.0.0.1:9/callback'],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        jwks: {
          keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }],
        },
        cookies: { keys: [randomBytes(32).toString('hex')] },
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified'],
          profile: ['name'],
          groups: ['groups'],
        },
        scopes: ['openid', 'email', 'profile', 'groups'],
        // The profile in the ID token itself, as enterprise providers send it.
        conformIdTokenClaims: false,
        pkce: { required: () => true },
        ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600 },
        features: {
          devInteractions: { enabled: false },
          rpInitiatedLogout: {
            enabled: true,
            logoutSource(ctx: KoaContextWithOIDC, form: string) {
              ctx.body = page(`<h1>Sign out of the test identity provider?</h1>${form}
                <button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`)
            },
          },
        },
        interactions: {
          url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
        },
        async findAccount(_ctx: unknown, id: string) {
          const account = state.accounts.get(id)
          if (!account) return undefined
          return { accountId: id, claims: () => ({ sub: id, ...account }) }
        },
        async loadExistingGrant(ctx: KoaContextWithOIDC) {
          const { client, session } = ctx.oidc
          if (!client || !session?.accountId) return undefined
          const existing = session.grantIdFor(client.clientId)
          if (existing) return ctx.oidc.provider.Grant.find(existing)
          const grant = new ctx.oidc.provider.Grant({
            clientId: client.clientId,
            accountId: session.accountId,
          })
          grant.addOIDCScope('openid email profile groups')
          await grant.save()
          return grant
        },
        renderError(ctx: KoaContextWithOIDC, out: { error?: string }) {
          ctx.type = 'html'
          ctx.body = page(`<p role="alert">${String(out.error)}</p>`)
        },
      }
      const op = new Provider(issuer, configuration)
      const { IdToken } = op
      const issue = IdToken.prototype.issue
      IdToken.prototype.issue = async function tampered(
        this: InstanceType<typeof IdToken> & { client: unknown },
        options: Parameters<typeof issue>[0],
      ) {
        if (options?.use === 'idtoken') {
          if (state.tamper === 'expired')
            // Two minutes past its expiry: beyond any clock tolerance.
            return issue.call(this, { ...options, expiresAt: Math.floor(Date.now() / 1000) - 120 })
          if (state.tamper === 'wrong-audience') this.client = await op.Client.find(state.otherClientId)
          if (state.tamper === 'wrong-nonce') this.set('nonce', 'a-nonce-tenfold-never-sent')
        }
        return issue.call(this, options)
      }
      provider = op
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return state
}
