import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import express from 'express'
import { describe, expect, test, vi } from 'vitest'
import { logLevel, readEnv } from '~/utils/env.server'
import { createLogger, logger, requestLogging } from '~/utils/logger.server'
import { allowConsoleError } from '#tests/support/setup-file'

type LogEntry = {
  level: number
  msg: string
  responseTime: number
  req: { method: string; url: string; headers: Record<string, string> }
  res: { statusCode: number; headers: Record<string, string> }
}

/** A logger like the app's, at info, writing its lines into `lines`. */
function capturingLogger(lines: string[]) {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      done()
    },
  })
  return createLogger({ level: 'info', destination })
}

async function withServer(lines: string[], run: (url: string) => Promise<void>) {
  const app = express()
  app.use(requestLogging(capturingLogger(lines)))
  app.get('/hello', (_req, res) => {
    res.cookie('session', 'server-secret-cookie').type('text/plain').send('hi')
  })
  app.get('/broken', () => {
    throw new Error('broken on purpose')
  })
  // Express's own error page would print the stack with console.error.
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).send('error')
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
}

describe('request logging', () => {
  test('one JSON line per request, with cookies, authorization and API keys redacted', async () => {
    const lines: string[] = []
    await withServer(lines, async (url) => {
      const headers = {
        cookie: 'tenfold_session=client-secret-cookie',
        authorization: 'Bearer tf_0123456789ab_secret-api-key',
        'x-api-key': 'tf_0123456789ab_other-secret',
      }
      for (const path of ['/hello', '/hello', '/missing']) await (await fetch(url + path, { headers })).text()
    })
    await vi.waitFor(() => expect(lines).toHaveLength(3))
    const entries = lines.map((line) => JSON.parse(line) as LogEntry)
    expect(entries.map((entry) => [entry.req.url, entry.res.statusCode, entry.level])).toEqual([
      ['/hello', 200, 30],
      ['/hello', 200, 30],
      ['/missing', 404, 30],
    ])
    for (const entry of entries) {
      expect(entry.msg).toBe('request completed')
      expect(entry.responseTime).toBeTypeOf('number')
      expect(entry.req.method).toBe('GET')
      expect(entry.req.headers.cookie).toBe('[redacted]')
      expect(entry.req.headers.authorization).toBe('[redacted]')
      expect(entry.req.headers['x-api-key']).toBe('[redacted]')
    }
    expect(entries[0]!.res.headers['set-cookie']).toBe('[redacted]')
    expect(lines.join('\n')).not.toMatch(/secret/)
  })

  test('a failed request is one line at error level', async () => {
    const lines: string[] = []
    await withServer(lines, async (url) => {
      expect((await fetch(`${url}/broken`)).status).toBe(500)
    })
    await vi.waitFor(() => expect(lines).toHaveLength(1))
    const entry = JSON.parse(lines[0]!) as LogEntry
    expect([entry.level, entry.res.statusCode]).toEqual([50, 500])
  })
})

describe('the logger', () => {
  test('LOG_LEVEL is validated with the environment; the default is warn under tests, info otherwise', () => {
    expect(() => readEnv({ NODE_ENV: 'production', LOG_LEVEL: 'loud' })).toThrow(
      /^Invalid environment: LOG_LEVEL/,
    )
    expect(readEnv({ NODE_ENV: 'production', LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug')
    expect(logLevel({ NODE_ENV: 'production' })).toBe('info')
    expect(logLevel({ NODE_ENV: 'production', LOG_LEVEL: 'error' })).toBe('error')
    expect(logLevel({ NODE_ENV: 'production', LOG_LEVEL: '' })).toBe('info')
    expect(logLevel({ NODE_ENV: 'test' })).toBe('warn')
    expect(logger.level).toBe('warn')
  })

  test('an error logged by the app, also through a child logger, counts as a logged error in tests', () => {
    allowConsoleError()
    logger.child({ area: 'recommendations' }).error({ err: new Error('projection failed') }, 'drain failed')
    expect(vi.mocked(logger.error)).toHaveBeenCalledTimes(1)
  })
})
