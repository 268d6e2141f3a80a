import { z } from 'zod'
import { ROLES } from '~/auth/permissions'

const booleanish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => ['1', 'true', 'yes'].includes(value))

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]
const LogLevelSchema = z
  .enum(LOG_LEVELS)
  .optional()
  .or(z.literal('').transform(() => undefined))

/** 'admin,sponsor' → ['admin', 'sponsor']; an empty value names no role. */
const RoleList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((role) => role.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(ROLES, { error: `names a role other than ${ROLES.join(', ')}` })))

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_DIR: z.string().min(1).default('./data/pglite'),
  TENFOLD_PGLITE_SNAPSHOT: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  APP_ORIGIN: z.url().optional(),
  TRUST_PROXY: booleanish.default(false),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: LogLevelSchema,
  // Outgoing mail (issue 19): without SMTP_URL, mail is kept and shown to admins on /admin/mail.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('Tenfold <tenfold@localhost>'),
  /** Lets chat webhooks be http://127.0.0.1 (tests and local receivers); https only otherwise. */
  TENFOLD_ALLOW_LOCAL_WEBHOOKS: booleanish.default(false),
  /** Roles that must give a second factor (TOTP) at password sign-in; empty: no one (e.g. the demo). */
  MFA_REQUIRED_ROLES: RoleList.default(['admin', 'sponsor']),
  /** 0 stops the in-process delivery worker (and scheduler) of this server. */
  TENFOLD_WORKER: booleanish.default(true),
})

export type Env = z.infer<typeof EnvSchema>

/** Parses the environment; a bad value stops the process with one clear line. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')
  throw new InvalidEnvironmentError(`Invalid environment: ${problems}`)
}

/**
 * The logger's level: LOG_LEVEL, else warn under tests and info otherwise. It never throws, because the
 * logger exists before env() first runs; a bad LOG_LEVEL still stops the process there, at startup.
 */
export function logLevel(source: NodeJS.ProcessEnv = process.env): LogLevel {
  const parsed = LogLevelSchema.safeParse(source.LOG_LEVEL)
  return (parsed.success ? parsed.data : undefined) ?? (source.NODE_ENV === 'test' ? 'warn' : 'info')
}

export class InvalidEnvironmentError extends Error {
  override name = 'InvalidEnvironmentError'
}

let cached: Env | undefined
export function env(): Env {
  cached ??= readEnv()
  return cached
}
