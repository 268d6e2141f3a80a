import type { Database } from '~/utils/db.server'
import { audit, type Actor } from './audit.server'
import { reportingProgram } from './reporting-program.server'

// The retention of raw recommendation events and per-rep activity is the reporting program's setting
// (the events are company-wide, like the reporting zone): months, 1 to 120, default 25.

export const MIN_RETENTION_MONTHS = 1
export const MAX_RETENTION_MONTHS = 120

/** Sets the reporting program's retention, audited; null when there is no program. */
export async function setRetentionMonths(db: Database, actor: Actor, months: number) {
  if (!Number.isInteger(months) || months < MIN_RETENTION_MONTHS || months > MAX_RETENTION_MONTHS)
    throw new RangeError(`Retention is a whole number of months from 1 to 120, not ${months}`)
  return db.transaction().execute(async (trx) => {
    const { id } = await reportingProgram(trx)
    if (!id) return null
    const before = await trx
      .selectFrom('programs')
      .select(['name', 'data_retention_months'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('programs')
      .set({ data_retention_months: months, updated_at: new Date() })
      .where('id', '=', id)
      .execute()
    await audit(trx, {
      actor,
      action: 'program.update',
      entityType: 'program',
      entityId: id,
      before: { data_retention_months: before.data_retention_months },
      after: { data_retention_months: months },
    })
    return { name: before.name, before: before.data_retention_months, after: months }
  })
}
