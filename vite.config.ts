// Remix options live in remix.config.js (the single source); this file only wires Vite and Vitest.
import { availableParallelism } from 'node:os'
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vitest/config'
import tsconfigPaths from 'vite-tsconfig-paths'
import { localeCatalogues } from './app/i18n/vite-plugin'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

const isVitest = Boolean(process.env.VITEST)

export default defineConfig({
  plugins: [isVitest ? null : remix(remixConfig), localeCatalogues(), tsconfigPaths()],
  build: { target: 'es2022' },
  cacheDir: process.env.VITE_CACHE_DIR ?? 'node_modules/.vite',
  server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
  ssr: {
    // Native or CommonJS-heavy server packages are loaded by Node, not bundled.
    external: ['@node-rs/argon2', '@electric-sql/pglite', 'pg', 'fxa-common-password-list'],
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/setup-file.ts'],
    pool: 'forks',
    // One fork per core: each test file has its own database, and the run is CPU-bound (PGlite is
    // WebAssembly), so Vitest's default of cores − 1 left one of CI's two cores idle (276 s → 212 s).
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
