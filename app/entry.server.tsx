import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { startDeliveryWorker, stopDeliveryWorker } from './models/attention/runner.server'
import { logger } from './utils/logger.server'
import { NonceProvider } from './utils/nonce-provider'
import { shutdown as closeApp, startup as startApp } from './utils/startup.server'

/** scripts/serve.ts starts the app through the server build: the database, then the outbox worker. */
export async function startup(options: Parameters<typeof startApp>[0]) {
  const started = await startApp(options)
  startDeliveryWorker()
  return started
}
export async function shutdown() {
  await stopDeliveryWorker()
  await closeApp()
}
// scripts/serve.ts logs through the app's own logger, taken from the server build.
export { logger, requestLogging } from './utils/logger.server'
// The HTTP server (headers, limits, refusals) that scripts/serve.ts runs the build in.
export { createServerApp } from './utils/server-app.server'

const ABORT_DELAY = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider nonce={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) logger.error({ err: error }, 'Rendering failed after the shell was sent')
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}
