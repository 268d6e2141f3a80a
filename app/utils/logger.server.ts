import { pino, type DestinationStream, type Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import { logLevel, type LogLevel } from './env.server'

// The one logger of the server and the app: JSON lines on stdout (docs/operations.md). Credentials
// never reach a log line: cookies, the Authorization header (sessions' cookies, API keys as bearer
// tokens) and any X-Api-Key header are censored wherever a request or response is logged.

export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
]

export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}) {
  const settings = {
    level: options.level ?? logLevel(),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  }
  return options.destination ? pino(settings, options.destination) : pino(settings)
}

export const logger = createLogger()

/** Express middleware for scripts/serve.ts: one line per request, when its response has finished. */
export function requestLogging(base: Logger = logger) {
  return pinoHttp({
    logger: base,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  })
}
