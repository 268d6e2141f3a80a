import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { actorOf, audit } from '../foundation/audit.server'
import type { ThresholdsInput } from './training.schema'

// A program's change-management thresholds (whole percent): the share of reps trained the training item
// needs, and the share of pilot reps with an engaged frontline manager the managers item needs.

export const DEFAULT_THRESHOLDS = { training_threshold_pct: 80, managers_threshold_pct: 80 } as const
export type Thresholds = { training_threshold_pct: number; managers_threshold_pct: number }

export async function thresholdsFor(db: Executor, programIds: readonly string[]) {
  const rows = programIds.length
    ? await db
        .selectFrom('change_settings')
        .select(['program_id', 'training_threshold_pct', 'managers_threshold_pct'])
        .where('program_id', 'in', [...programIds])
        .execute()
    : []
  const of = new Map(rows.map((row) => [row.program_id, row]))
  return (programId: string): Thresholds => {
    const row = of.get(programId)
    return row
      ? {
          training_threshold_pct: row.training_threshold_pct,
          managers_threshold_pct: row.managers_threshold_pct,
        }
      : { ...DEFAULT_THRESHOLDS }
  }
}

/** Sets a program's thresholds (admins), audited with the values before and after. */
export async function saveThresholds(
  db: Database,
  user: AuthUser,
  programId: string,
  input: ThresholdsInput,
) {
  return db.transaction().execute(async (trx) => {
    const before = (await thresholdsFor(trx, [programId]))(programId)
    const values = {
      training_threshold_pct: input.training_threshold_pct,
      managers_threshold_pct: input.managers_threshold_pct,
    }
    if (
      before.training_threshold_pct === values.training_threshold_pct &&
      before.managers_threshold_pct === values.managers_threshold_pct
    )
      return
    await trx
      .insertInto('change_settings')
      .values({ program_id: programId, ...values })
      .onConflict((oc) => oc.column('program_id').doUpdateSet({ ...values, updated_at: new Date() }))
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'change.thresholds.save',
      entityType: 'program',
      entityId: programId,
      before,
      after: values,
    })
  })
}
