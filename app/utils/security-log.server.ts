import { logger } from './logger.server'

// Security events as structured log lines (ASVS 16.3), at info (production's level): one `security` field naming the event, plus who
// and where. Never a secret: no password, session id, token, key or cookie is ever passed here; an
// email typed at sign-in is logged because an operator needs it to see an attack on an account.

export type SecurityEvent =
  | 'sign-in.failed'
  | 'sign-in.throttled'
  | 'password.current-wrong'
  | 'password.throttled'
  | 'password-link.invalid'
  | 'mfa.failed'
  | 'sso.failed'
  | 'mfa.throttled'
  | 'request.cross-site-refused'
  | 'request.denied'
  | 'request.throttled'
  | 'request.malformed'

export type SecurityFields = {
  ip?: string | null
  userId?: string | null
  email?: string | null
  method?: string
  path?: string
  status?: number
  reason?: string
  retryAfter?: number
}

const securityLogger = logger.child({ channel: 'security' })

export function securityEvent(event: SecurityEvent, fields: SecurityFields = {}) {
  securityLogger.info({ security: event, ...fields }, `security: ${event}`)
}
