import { randomBytes } from 'node:crypto'
import { hashPassword } from '~/auth/password.server'
import type { AuthUser } from '~/auth/session.server'
import { db } from '~/utils/db.server'
import type { InitiativeStatus, Role, Stage } from '~/utils/db.types'

// Test data that respects the schema's limits. Every factory returns what it created.

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined

function unique(prefix: string) {
  return `${prefix}-${randomBytes(4).toString('hex')}`
}

export async function createUser(
  overrides: { role?: Role; email?: string; name?: string; disabled?: boolean } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const role = overrides.role ?? 'viewer'
  const user = await db
    .insertInto('users')
    .values({
      email: overrides.email ?? `${unique(role)}@example.test`,
      name: overrides.name ?? unique(`Test ${role}`),
      role,
      password_hash: await passwordHash,
      disabled_at: overrides.disabled ? new Date() : null,
    })
    .returning(['id', 'email', 'name', 'role', 'locale'])
    .executeTakeFirstOrThrow()
  return user satisfies AuthUser
}

export async function createProgram(overrides: { name?: string; reporting_timezone?: string } = {}) {
  return db
    .insertInto('programs')
    .values({
      name: overrides.name ?? unique('Program'),
      reporting_timezone: overrides.reporting_timezone ?? 'UTC',
    })
    .returning(['id', 'name', 'reporting_timezone'])
    .executeTakeFirstOrThrow()
}

export async function createInitiative(
  overrides: {
    programId?: string
    leadId?: string | null
    sponsorId?: string | null
    name?: string
    stage?: Stage
    status?: InitiativeStatus
  } = {},
) {
  const programId = overrides.programId ?? (await createProgram()).id
  return db
    .insertInto('initiatives')
    .values({
      program_id: programId,
      name: overrides.name ?? unique('Initiative'),
      lead_id: overrides.leadId ?? null,
      sponsor_id: overrides.sponsorId ?? null,
      stage: overrides.stage ?? 'frame',
      status: overrides.status ?? 'active',
    })
    .returning(['id', 'name', 'program_id', 'lead_id', 'sponsor_id'])
    .executeTakeFirstOrThrow()
}

export async function addMember(initiativeId: string, userId: string, kind: 'team' | 'eet') {
  await db
    .insertInto('initiative_members')
    .values({ initiative_id: initiativeId, user_id: userId, kind })
    .execute()
}
