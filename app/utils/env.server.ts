import { z } from 'zod'
import { ROLES } from '~/auth/permissions'
import { parseRoleMap, validIssuer } from './oidc-env'

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

const EnvSchema = z
  .object({
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
    // Single sign-on (OpenID Connect, docs/security.md): all three or none.
    OIDC_ISSUER: z
      .url()
      .refine(validIssuer, 'must be an https:// URL (http:// only on 127.0.0.1, ::1 or localhost)')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    OIDC_CLIENT_ID: z
      .string()
      .min(1)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    OIDC_CLIENT_SECRET: z
      .string()
      .min(1)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** The button's label: "Sign in with <OIDC_PROVIDER_NAME>" (default: the issuer's host). */
    OIDC_PROVIDER_NAME: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** The ID token claim (a string or a list of strings) read for OIDC_ROLE_MAP, e.g. groups. */
    OIDC_ROLE_CLAIM: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** group=role pairs, comma-separated; the first pair whose group the user has gives the role. */
    OIDC_ROLE_MAP: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const parsed = parseRoleMap(value ?? '')
        if (typeof parsed === 'string') {
          ctx.addIssue({ code: 'custom', message: parsed })
          return z.NEVER
        }
        return parsed
      }),
    /** Scopes asked for; openid is always among them. Add e.g. groups if the provider sends groups only so. */
    OIDC_SCOPES: z
      .string()
      .default('openid email profile')
      .transform((value) => [...new Set(['openid', ...value.split(/[\s,]+/).filter(Boolean)])].join(' ')),
    /** false: only single sign-on (needs OIDC_ISSUER); the password form is gone and its posts refused. */
    PASSWORD_SIGNIN: booleanish.default(true),
  })
  .superRefine((value, ctx) => {
    const oidc = [value.OIDC_ISSUER, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET]
    if (oidc.some(Boolean) && !oidc.every(Boolean))
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together',
      })
    if (!value.PASSWORD_SIGNIN && !value.OIDC_ISSUER)
      ctx.addIssue({
        code: 'custom',
        path: ['PASSWORD_SIGNIN'],
        message: 'false needs single sign-on (OIDC_ISSUER …): nobody could sign in',
      })
    if (value.OIDC_ROLE_MAP.length > 0 && !value.OIDC_ROLE_CLAIM)
      ctx.addIssue({ code: 'custom', path: ['OIDC_ROLE_MAP'], message: 'needs OIDC_ROLE_CLAIM' })
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
