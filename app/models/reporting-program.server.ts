import type { Executor } from '~/utils/db.server'

// Recommendation events are company-wide, not per program. Their reporting time zone is that of
// "the reporting program": the oldest program that is not archived (ties by id). With no program, UTC.

export type ReportingProgram = { id: string | null; name: string | null; timezone: string }

export async function reportingProgram(db: Executor): Promise<ReportingProgram> {
  const program = await db
    .selectFrom('programs')
    .select(['id', 'name', 'reporting_timezone'])
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  return program
    ? { id: program.id, name: program.name, timezone: program.reporting_timezone }
    : { id: null, name: null, timezone: 'UTC' }
}
