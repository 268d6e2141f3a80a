// The one source of Remix configuration. vite.config.ts imports this object and hands it to the
// Remix Vite plugin; nothing else configures Remix.

/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  // TENFOLD_BUILD_DIR lets parallel work build into separate folders; scripts/serve.ts reads the same.
  buildDirectory: process.env.TENFOLD_BUILD_DIR ?? 'build',
  ignoredRouteFiles: ['**/*.test.{ts,tsx}', '**/.*'],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    v3_routeConfig: false,
  },
}
