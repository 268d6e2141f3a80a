import { sql } from 'kysely'
import type { Database, Executor } from '~/utils/db.server'
import { audit, type Actor } from './audit.server'

// Recommendation events are company-wide, not per program. Their reporting time zone is that of
// "the reporting program": the oldest program that is not archived (ties by id). With no program, UTC.

export type ReportingProgram = { id: string | null; name: string | null; timezone: string }

/** The reporting program's row, to select from (also as a subquery). */
export function reportingProgramQuery(db: Executor) {
  return db
    .selectFrom('programs')
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
}

export async function reportingProgram(db: Executor): Promise<ReportingProgram> {
  const program = await reportingProgramQuery(db)
    .select(['id', 'name', 'reporting_timezone'])
    .executeTakeFirst()
  return program
    ? { id: program.id, name: program.name, timezone: program.reporting_timezone }
    : { id: null, name: null, timezone: 'UTC' }
}

/**
 * Sets a program's reporting time zone (default: the reporting program's), audited in the same
 * transaction. Returns null when there is no such program. The caller validates the name first.
 */
export async function setReportingTimezone(
  db: Database,
  actor: Actor,
  timezone: string,
  programId?: string,
): Promise<{ id: string; name: string; before: string; after: string } | null> {
  return db.transaction().execute(async (trx) => {
    const id = programId ?? (await reportingProgram(trx)).id
    if (!id) return null
    const before = await trx
      .selectFrom('programs')
      .select(['id', 'name', 'reporting_timezone'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!before) return null
    // PostgreSQL must know the zone too, since the metrics convert with it.
    await sql`select now() at time zone ${timezone}`.execute(trx)
    await trx
      .updateTable('programs')
      .set({ reporting_timezone: timezone, updated_at: new Date() })
      .where('id', '=', id)
      .execute()
    await audit(trx, {
      actor,
      action: 'program.update',
      entityType: 'program',
      entityId: id,
      before: { reporting_timezone: before.reporting_timezone },
      after: { reporting_timezone: timezone },
    })
    return { id, name: before.name, before: before.reporting_timezone, after: timezone }
  })
}

/** An IANA zone name as written in the tz database (Asia/Taipei, Etc/GMT+8, UTC), known to this runtime. */
export function isIanaTimeZone(name: string) {
  if (!/^(UTC|[A-Z][A-Za-z_+-]*(\/[A-Za-z0-9_+-]+)+)$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** A program's reporting time zone (UTC for an unknown program): the zone every date of its work is a day in. */
export async function programTimezone(db: Executor, programId: string) {
  const row = await db
    .selectFrom('programs')
    .select('reporting_timezone')
    .where('id', '=', programId)
    .executeTakeFirst()
  return row?.reporting_timezone ?? 'UTC'
}

/** The program's today (in its zone) and its window of plausible dates, in days either side. */
export async function programDateWindow(db: Executor, programId: string | null) {
  const row = programId
    ? await db
        .selectFrom('programs')
        .select(['reporting_timezone', 'date_window_days'])
        .where('id', '=', programId)
        .executeTakeFirst()
    : await reportingProgramQuery(db).select(['reporting_timezone', 'date_window_days']).executeTakeFirst()
  return { timezone: row?.reporting_timezone ?? 'UTC', days: row?.date_window_days ?? 365 }
}
