import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, {
  type Request as ExpressRequest,
  type RequestHandler,
  type Response as ExpressResponse,
} from 'express'
import helmet from 'helmet'
import { env } from './env.server'
import { requestLogging } from './logger.server'
import {
  bodyLimitFor,
  bodyRefusal,
  contentTypeRefusal,
  createApiFloor,
  crossSiteRefusal,
  isSafeMethod,
  type Refusal,
} from './request-guards.server'
import { runInRequestScope } from './request-scope.server'
import { securityEvent } from './security-log.server'

// The HTTP server around the Remix build, used by scripts/serve.ts and by the tests that talk HTTP to
// the app (tests/support/http-app.ts): headers, limits and refusals hold for every response, whatever
// route answers. Express's own adapter is not used because the body is read here first (bounded, so a
// 100 MB sign-in body is refused with 413 instead of parsed), checked, and handed to Remix buffered.

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** This response's CSP nonce: inline scripts and styles carry it (app/utils/nonce-provider.ts). */
    cspNonce?: string
  }
}

export type ServerAppOptions = {
  build: ServerBuild | (() => Promise<ServerBuild>)
  /** Static files, Vite's dev middlewares: they run after the headers, before the app. */
  assets?: RequestHandler[]
  /** Vite's dev server injects inline scripts without a nonce: no CSP there. */
  dev?: boolean
}

export function createServerApp({ build, assets = [], dev = false }: ServerAppOptions) {
  const settings = env()
  const app = express()
  app.disable('x-powered-by')
  // Parsed once, by the env schema (yes/true/1): X-Forwarded-For and -Proto count only behind a proxy.
  app.set('trust proxy', settings.TRUST_PROXY)
  app.use(requestLogging())
  app.use(securityHeaders(dev))
  app.use(logDenials)
  app.use(compression())
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('text/plain').send('ok')
  })
  for (const handler of assets) app.use(handler)
  app.use('/api/v1', apiFloor())
  app.all('*', remixHandler(build))
  return app
}

function securityHeaders(dev: boolean): RequestHandler {
  const nonce = (_req: IncomingMessage, res: ExpressResponse) => `'nonce-${res.locals.cspNonce as string}'`
  // The sign-in button and sign-out post to Tenfold, which redirects to the provider: browsers hold a
  // form's redirects to form-action too. Its endpoints are expected on the issuer's origin.
  const issuer = env().OIDC_ISSUER
  const headers = helmet({
    contentSecurityPolicy: dev
      ? false
      : {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'", nonce as never],
            styleSrc: ["'self'", nonce as never],
            imgSrc: ["'self'", 'data:'],
            fontSrc: ["'self'"],
            connectSrc: ["'self'"],
            objectSrc: ["'none'"],
            baseUri: ["'none'"],
            formAction: ["'self'", ...(issuer ? [new URL(issuer).origin] : [])],
            frameAncestors: ["'none'"],
          },
        },
    // HSTS only over HTTPS (below); helmet would send it on plain HTTP too.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  })
  return (req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    headers(req, res, next)
  }
}

/** 401/403/404/429 leave a trace (ASVS 16.3.2): who, where, which answer; never a credential. */
const logDenials: RequestHandler = (req, res, next) => {
  res.on('finish', () => {
    if (![401, 403, 404, 429].includes(res.statusCode)) return
    securityEvent(res.statusCode === 429 ? 'request.throttled' : 'request.denied', {
      ip: req.ip ?? null,
      method: req.method,
      path: req.path,
      status: res.statusCode,
    })
  })
  next()
}

function apiFloor(): RequestHandler {
  const floor = createApiFloor()
  return (req, res, next) => {
    const wait = floor(req.ip ?? 'unknown')
    if (!wait) return next()
    res
      .status(429)
      .set('Retry-After', String(wait))
      .set('Cache-Control', 'no-store')
      .json({ error: { code: 'rate_limited', message: `Too many requests: retry in ${wait} s.` } })
  }
}

function refuse(req: ExpressRequest, res: ExpressResponse, { status, reason }: Refusal) {
  if (status === 403)
    securityEvent('request.cross-site-refused', { ip: req.ip, method: req.method, path: req.path, reason })
  else securityEvent('request.malformed', { ip: req.ip, method: req.method, path: req.path, status, reason })
  const message = MESSAGES[status]
  res.set('Cache-Control', 'no-store')
  if (status === 413) res.set('Connection', 'close')
  if (req.path.startsWith('/api/'))
    res.status(status).json({ error: { code: CODES[status], message, reason } })
  else res.status(status).type('text/plain').send(message)
}

const MESSAGES: Record<Refusal['status'], string> = {
  400: 'Bad request: the body cannot be read as this form or contains characters it may not.',
  403: 'Cross-site request refused.',
  413: 'The request body is too large.',
  415: 'Unsupported content type: send the form as application/x-www-form-urlencoded or multipart/form-data.',
}
const CODES: Record<Refusal['status'], string> = {
  400: 'bad_request',
  403: 'forbidden',
  413: 'too_large',
  415: 'unsupported_media_type',
}

/** Reads the body up to `limit` bytes; null when it is larger (the rest is never read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.pause()
        resolve(null)
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** The host the client asked for: Host, or X-Forwarded-Host's first value behind a trusted proxy. */
function hostOf(req: ExpressRequest) {
  const forwarded = env().TRUST_PROXY ? req.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  return forwarded || req.get('host') || 'localhost'
}

function ownOrigin(req: ExpressRequest) {
  return `${req.protocol}://${hostOf(req)}`
}

function remixHandler(build: ServerAppOptions['build']): RequestHandler {
  const handleRequest = createRequestHandler(build, process.env.NODE_ENV)
  return (req, res, next) => {
    void (async () => {
      const crossSite = crossSiteRefusal(req.method, req.headers, ownOrigin(req))
      if (crossSite) return refuse(req, res, crossSite)
      let body: Buffer | undefined
      if (!isSafeMethod(req.method)) {
        const type = contentTypeRefusal(req.path, req.get('content-type'))
        if (type) return refuse(req, res, type)
        const read = await readBody(req, bodyLimitFor(req.path))
        if (read === null) return refuse(req, res, { status: 413, reason: 'size' })
        const malformed = await bodyRefusal(req.path, req.get('content-type'), read)
        if (malformed) return refuse(req, res, malformed)
        body = read
      }
      const response = await runInRequestScope({ secure: req.secure }, () =>
        handleRequest(remixRequest(req, res, body), {
          clientIp: req.ip ?? req.socket.remoteAddress ?? null,
          cspNonce: res.locals.cspNonce as string,
        }),
      )
      // Signed-in pages and data are never kept by a browser or proxy cache; a route may say otherwise
      // only for what is public (the OpenAPI document).
      if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store')
      await sendRemixResponse(res, response)
    })().catch(next)
  }
}

function remixRequest(req: ExpressRequest, res: ExpressResponse, body: Buffer | undefined) {
  const url = new URL(`${ownOrigin(req)}${req.originalUrl}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  // The Origin was checked above against this server and APP_ORIGIN. Remix's own check compares it with
  // Host (or X-Forwarded-Host) and throws, a 500, when a proxy rewrote Host: it has nothing left to add.
  headers.delete('origin')
  headers.delete('x-forwarded-host')
  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(body ? { body: new Uint8Array(body) } : {}),
  })
}

async function sendRemixResponse(res: ExpressResponse, response: globalThis.Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers.entries())
    if (name !== 'set-cookie') res.setHeader(name, value)
  const cookies = response.headers.getSetCookie()
  if (cookies.length) res.setHeader('Set-Cookie', cookies)
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}
