import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { actorOf, audit } from '../foundation/audit.server'
import { HealthOverridesSchema, resolveHealthConfig, type HealthOverrides } from './health-config'

// A program's overrides of the health weights and thresholds (admins edit them on /portfolio/settings).

export async function getHealthOverrides(db: Executor, programId: string): Promise<HealthOverrides | null> {
  const row = await db
    .selectFrom('health_settings')
    .select('overrides')
    .where('program_id', '=', programId)
    .executeTakeFirst()
  if (!row) return null
  const parsed = HealthOverridesSchema.safeParse(row.overrides)
  return parsed.success ? parsed.data : null
}

export async function healthConfigFor(db: Executor, programId: string) {
  return resolveHealthConfig(await getHealthOverrides(db, programId))
}

/** Stores the program's overrides (null: back to the defaults), audited in the same transaction. */
export async function saveHealthOverrides(
  db: Database,
  user: AuthUser,
  programId: string,
  overrides: HealthOverrides | null,
) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('health_settings')
      .select('overrides')
      .where('program_id', '=', programId)
      .forUpdate()
      .executeTakeFirst()
    if (overrides === null) {
      await trx.deleteFrom('health_settings').where('program_id', '=', programId).execute()
    } else {
      const values = { overrides: JSON.stringify(overrides), updated_by: user.id, updated_at: new Date() }
      await trx
        .insertInto('health_settings')
        .values({ program_id: programId, ...values })
        .onConflict((oc) => oc.column('program_id').doUpdateSet(values))
        .execute()
    }
    await audit(trx, {
      actor: actorOf(user),
      action: overrides === null ? 'health-settings.reset' : 'health-settings.update',
      entityType: 'program',
      entityId: programId,
      before: before?.overrides ?? null,
      after: overrides,
    })
  })
}
