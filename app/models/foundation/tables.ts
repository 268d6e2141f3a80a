import type { ColumnType, Generated } from 'kysely'

// Tables of the foundation: users, sessions, programs, the initiatives catalogue, API keys, the roster.

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>
/** A `date` column: 'YYYY-MM-DD' both ways. */
export type DateString = string
export type Json<T = unknown> = ColumnType<T, string, string>

export type Role = 'admin' | 'lead' | 'sponsor' | 'eet_member' | 'viewer' | 'manager'
export type Stage = 'frame' | 'design' | 'pilot' | 'scale' | 'sustain'
export type InitiativeStatus = 'proposed' | 'active' | 'paused' | 'completed' | 'stopped'

export interface UsersTable {
  id: Generated<string>
  email: string
  name: string
  role: Role
  password_hash: string | null
  locale: 'en' | 'zh-TW' | null
  /** Grants a viewer sight of business-case figures (finance staff). */
  finance_access: Generated<boolean>
  disabled_at: Date | null
  created_at: CreatedAt
  updated_at: Timestamp
}

/** A session, by the SHA-256 digest (hex) of its id: the id itself is only ever in the cookie. */
export interface UserSessionsTable {
  id_hash: string
  user_id: string
  expires_at: Date
  created_at: CreatedAt
  last_active_at: Timestamp
  /** The last time its user proved who they are (sign-in, re-authentication). */
  authenticated_at: Timestamp
  /** Still waiting for the second factor (a code, or enrolment when MFA is required of the role). */
  pending: 'mfa' | 'mfa-enrol' | null
  ip: string | null
  user_agent: string | null
}

export interface UserMfaTable {
  user_id: string
  secret: string
  confirmed_at: Date | null
  last_step: number | null
  created_at: CreatedAt
}

export interface MfaRecoveryCodesTable {
  code_hash: string
  user_id: string
  used_at: Date | null
  created_at: CreatedAt
}

export interface PasswordTokensTable {
  token_hash: string
  user_id: string
  expires_at: Date
  used_at: Date | null
  created_at: CreatedAt
}

export interface AuthThrottleTable {
  key: string
  window_start: Date
  failures: number
}

/** A provider's account (issuer + subject) signed in as a Tenfold user (single sign-on). */
export interface UserIdentitiesTable {
  issuer: string
  subject: string
  user_id: string
  created_at: CreatedAt
  last_sign_in_at: Timestamp
}

/** A started single sign-on, until its callback consumes it. */
export interface OidcSignInsTable {
  state_hash: string
  nonce: string
  code_verifier: string
  redirect_to: string
  expires_at: Date
  created_at: CreatedAt
}

export interface AuditLogTable {
  id: Generated<number>
  at: CreatedAt
  actor_id: string | null
  actor_label: string
  action: string
  entity_type: string
  entity_id: string | null
  before: Json | null
  after: Json | null
}

export interface ProgramsTable {
  id: Generated<string>
  name: string
  description: Generated<string>
  reporting_timezone: Generated<string>
  /** Months raw recommendation events and per-rep activity are kept (rep-data privacy). */
  data_retention_months: Generated<number>
  /** Dates further than this from the program's today need a confirmation (sprint starts, due dates). */
  date_window_days: Generated<number>
  archived_at: Date | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface InitiativesTable {
  id: Generated<string>
  program_id: string
  name: string
  objective: Generated<string>
  lead_id: string | null
  sponsor_id: string | null
  stage: Generated<Stage>
  status: Generated<InitiativeStatus>
  start_date: DateString | null
  target_date: DateString | null
  created_by: string | null
  archived_at: Date | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface InitiativeMembersTable {
  initiative_id: string
  user_id: string
  kind: 'team' | 'eet'
  created_at: CreatedAt
}

export interface ApiKeysTable {
  id: Generated<string>
  name: string
  prefix: string
  secret_hash: string
  scopes: string[]
  created_by: string | null
  created_at: CreatedAt
  last_used_at: Date | null
  revoked_at: Date | null
}

export type TechAffinity = 'avoider' | 'reluctant' | 'enthusiast' | 'unknown'

export interface SellersTable {
  id: Generated<string>
  seller_id: string
  name: string
  email: string | null
  region: string
  segment: string
  team: string
  manager_id: string | null
  hire_date: DateString | null
  role: string
  tech_affinity: Generated<TechAffinity>
  eligible: Generated<boolean>
  user_id: string | null
  left_at: Date | null
  created_at: CreatedAt
  updated_at: Timestamp
}

/** One claimed form key: a post's idempotency record (see form-submission.server.ts). */
export interface FormSubmissionsTable {
  user_id: string
  form: string
  form_key: string
  location: string | null
  created_at: CreatedAt
}

export interface FoundationTables {
  users: UsersTable
  user_sessions: UserSessionsTable
  user_mfa: UserMfaTable
  mfa_recovery_codes: MfaRecoveryCodesTable
  password_tokens: PasswordTokensTable
  auth_throttle: AuthThrottleTable
  user_identities: UserIdentitiesTable
  oidc_sign_ins: OidcSignInsTable
  audit_log: AuditLogTable
  programs: ProgramsTable
  initiatives: InitiativesTable
  initiative_members: InitiativeMembersTable
  api_keys: ApiKeysTable
  sellers: SellersTable
  form_submissions: FormSubmissionsTable
}
