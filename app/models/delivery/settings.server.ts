import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { actorOf, audit } from '../foundation/audit.server'
import type { DeliverySettingsInput } from './delivery.schema'

// Program-level budgets of the 10/10/10 cycle and the default sprint length. A program without a row
// uses the defaults of the article: 10 hours, 10 working days, 10 weeks, two-week sprints.

export const DEFAULT_SETTINGS = {
  frame_hours: 10,
  design_working_days: 10,
  pilot_weeks: 10,
  sprint_length_days: 14,
} as const

export type DeliverySettings = {
  frame_hours: number
  design_working_days: number
  pilot_weeks: number
  sprint_length_days: number
}

const columns = ['frame_hours', 'design_working_days', 'pilot_weeks', 'sprint_length_days'] as const

export async function getDeliverySettings(db: Executor, programId: string): Promise<DeliverySettings> {
  const row = await db
    .selectFrom('delivery_settings')
    .select(columns)
    .where('program_id', '=', programId)
    .executeTakeFirst()
  return row ?? { ...DEFAULT_SETTINGS }
}

/** Every program (not archived) with its settings, defaults filled in. */
export async function listDeliverySettings(db: Executor) {
  const rows = await db
    .selectFrom('programs')
    .leftJoin('delivery_settings as s', 's.program_id', 'programs.id')
    .select([
      'programs.id',
      'programs.name',
      's.frame_hours',
      's.design_working_days',
      's.pilot_weeks',
      's.sprint_length_days',
      's.updated_at',
    ])
    .where('programs.archived_at', 'is', null)
    .orderBy('programs.name')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    frame_hours: row.frame_hours ?? DEFAULT_SETTINGS.frame_hours,
    design_working_days: row.design_working_days ?? DEFAULT_SETTINGS.design_working_days,
    pilot_weeks: row.pilot_weeks ?? DEFAULT_SETTINGS.pilot_weeks,
    sprint_length_days: row.sprint_length_days ?? DEFAULT_SETTINGS.sprint_length_days,
    customised: row.updated_at !== null,
  }))
}

/** Saves a program's budgets; false when the program does not exist. Running phases keep their budget. */
export async function saveDeliverySettings(db: Database, user: AuthUser, input: DeliverySettingsInput) {
  return db.transaction().execute(async (trx) => {
    const program = await trx
      .selectFrom('programs')
      .select('id')
      .where('id', '=', input.program_id)
      .where('archived_at', 'is', null)
      .executeTakeFirst()
    if (!program) return false
    const before = await getDeliverySettings(trx, program.id)
    const after = {
      frame_hours: input.frame_hours,
      design_working_days: input.design_working_days,
      pilot_weeks: input.pilot_weeks,
      sprint_length_days: input.sprint_length_days,
    }
    await trx
      .insertInto('delivery_settings')
      .values({ program_id: program.id, ...after, updated_by: user.id })
      .onConflict((oc) =>
        oc.column('program_id').doUpdateSet({ ...after, updated_by: user.id, updated_at: new Date() }),
      )
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'delivery.settings.update',
      entityType: 'program',
      entityId: program.id,
      before,
      after,
    })
    return true
  })
}
