// Starts Tenfold's HTTP server: the production build, or Vite's dev server with `--dev`.
// Usage: tsx scripts/serve.ts [--dev] [--demo]
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import express, { type Express, type RequestHandler } from 'express'
import type { Logger } from 'pino'

type StartupModule = {
  startup(options: {
    demo: boolean
  }): Promise<{ seeded: boolean; databaseKind: string; demoPassword: string | null }>
  shutdown(): Promise<void>
  /** The app's logger (app/utils/logger.server.ts), so the server and the app log through one. */
  logger: Logger
  /** The HTTP server around the build (app/utils/server-app.server.ts): headers, limits, refusals. */
  createServerApp(options: {
    build: ServerBuild | (() => Promise<ServerBuild>)
    assets?: RequestHandler[]
    dev?: boolean
  }): Express
}

const args = new Set(process.argv.slice(2))
const dev = args.has('--dev')
const demo = args.has('--demo')
const buildDir = process.env.TENFOLD_BUILD_DIR ?? 'build'
// The demo's shared accounts sign in with the README's password alone: MFA is required of no role
// unless MFA_REQUIRED_ROLES is set (a production start, without --demo, requires it of admin and sponsor).
if (demo) process.env.MFA_REQUIRED_ROLES ??= ''

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

  const app = lifecycle.createServerApp({
    build: viteDevServer ? loadBuild : build,
    dev: Boolean(viteDevServer),
    assets: viteDevServer
      ? [viteDevServer.middlewares]
      : [
          express
            .Router()
            .use(
              '/assets',
              express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }),
            ),
          express.static(path.join(buildDir, 'client'), { maxAge: '1h' }),
        ],
  })

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
