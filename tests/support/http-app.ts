import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
// Remix's own flat-routes convention, the one its Vite plugin uses to find the route files.
import { flatRoutes } from '@remix-run/dev/dist/config/flat-routes.js'
import remixConfig from '../../remix.config.js'

// The app over real HTTP inside a test: the production server (app/utils/server-app.server.ts) around a
// server build assembled from the route modules as vitest loads them, so the test, the app and the
// test's database share one module graph (one `db`). Only the browser assets are stand-ins: no test
// here runs the page's scripts (the e2e tests do, against the real build).

type RouteConfig = {
  id: string
  parentId?: string
  path?: string
  index?: boolean
  caseSensitive?: boolean
  file: string
}

const modules = import.meta.glob(['../../app/root.tsx', '../../app/routes/*.{ts,tsx}'])

async function assembleBuild(): Promise<ServerBuild> {
  const config = flatRoutes(path.resolve('app'), remixConfig.ignoredRouteFiles) as Record<string, RouteConfig>
  const all: Record<string, RouteConfig> = { root: { id: 'root', path: '', file: 'root.tsx' }, ...config }
  const routes: ServerBuild['routes'] = {}
  const entryRoutes: ServerBuild['assets']['routes'] = {}
  for (const route of Object.values(all)) {
    const load = modules[`../../app/${route.file}`]
    if (!load) throw new Error(`No module for ${route.file}`)
    const module = (await load()) as ServerBuild['routes'][string]['module']
    const shape = {
      id: route.id,
      parentId: route.parentId,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
    }
    routes[route.id] = { ...shape, module }
    entryRoutes[route.id] = {
      ...shape,
      module: `/assets/${route.id}.js`,
      imports: [],
      hasAction: Boolean(module.action),
      hasLoader: Boolean(module.loader),
      hasClientAction: Boolean(module.clientAction),
      hasClientLoader: Boolean(module.clientLoader),
      hasErrorBoundary: Boolean(module.ErrorBoundary),
    }
  }
  const entry = (await import('~/entry.server')) as unknown as ServerBuild['entry']['module']
  return {
    mode: 'production',
    entry: { module: entry },
    routes,
    assets: {
      entry: { module: '/assets/entry.client.js', imports: [] },
      routes: entryRoutes,
      url: '/assets/manifest.js',
      version: 'test',
    },
    publicPath: '/',
    assetsBuildDirectory: 'build/client',
    future: { ...remixConfig.future, v3_singleFetch: true } as unknown as ServerBuild['future'],
    isSpaMode: false,
  }
}

export type HttpApp = { url: string; close(): Promise<void> }

/** Starts the app on a free port of 127.0.0.1. */
export async function startHttpApp(): Promise<HttpApp> {
  const { createServerApp } = await import('~/utils/server-app.server')
  const app = createServerApp({ build: await assembleBuild() })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
