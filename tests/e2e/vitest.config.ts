import { defineConfig } from 'vitest/config'
import tsconfigPaths from 'vite-tsconfig-paths'

// End-to-end tests: a real Tenfold server (the production build, or Vite's dev server with E2E_DEV=1)
// on its own fresh embedded database with the demo loaded, driven by playwright-core in Debian's Chromium.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/support/server.ts'],
    fileParallelism: false,
    expect: { poll: { timeout: 15_000, interval: 100 } },
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
})
