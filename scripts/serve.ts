// Starts Tenfold's HTTP server: the production build, or Vite's dev server with `--dev`.
// Usage: tsx scripts/serve.ts [--dev] [--demo]
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type RequestHandler } from 'express'
import type { Logger } from 'pino'

type StartupModule = {
  startup(options: {
    demo: boolean
  }): Promise<{ seeded: boolean; databaseKind: string; demoPassword: string | null }>
  shutdown(): Promise<void>
  /** The app's logger (app/utils/logger.server.ts), so the server and the app log through one. */
  logger: Logger
  requestLogging(): RequestHandler
}

const args = new Set(process.argv.slice(2))
const dev = args.has('--dev')
const demo = args.has('--demo')
const buildDir = process.env.TENFOLD_BUILD_DIR ?? 'build'

async function main() {
  const viteDevServer = dev
    ? await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))
    : undefined
  const loadBuild = async (): Promise<ServerBuild> =>
    viteDevServer
      ? ((await viteDevServer.ssrLoadModule('virtual:remix/server-build')) as ServerBuild)
      : ((await import(pathToFileURL(path.resolve(buildDir, 'server/index.js')).href)) as ServerBuild)

  const build = await loadBuild()
  const lifecycle = build.entry.module as unknown as StartupModule
  const { logger } = lifecycle
  const { seeded, databaseKind, demoPassword } = await lifecycle.startup({ demo })

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true')
  app.use(lifecycle.requestLogging())
  app.use(compression())
  if (viteDevServer) {
    app.use(viteDevServer.middlewares)
  } else {
    app.use(
      '/assets',
      express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }),
    )
    app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h' }))
  }
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok')
  })
  app.all(
    '*',
    createRequestHandler({
      build: viteDevServer ? loadBuild : build,
      getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? null }),
    }),
  )

  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '127.0.0.1'
  const server = app.listen(port, host, () => {
    logger.info(
      `Tenfold is listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (${databaseKind} database)`,
    )
    if (seeded)
      logger.info(`Loaded the demo program. Demo accounts (see README) use the password: ${demoPassword}`)
  })

  let closing = false
  const stop = (signal: string) => {
    if (closing) return
    closing = true
    logger.info(`${signal} received: closing.`)
    server.close(() => {
      void lifecycle.shutdown().finally(() => process.exit(0))
    })
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  const known =
    error instanceof Error &&
    ['DatabaseLockedError', 'DatabaseNotMigratedError', 'InvalidEnvironmentError'].includes(error.name)
  console.error(known ? `Tenfold cannot start: ${(error as Error).message}` : error)
  process.exit(1)
})
