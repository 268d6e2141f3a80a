import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import { FAILURE_MODES, type FailureMode } from './health-config'
import { portfolioOf } from './portfolio.server'

// What of this area waits for someone (read by app/models/attention/): the initiatives a sponsor
// sponsors whose health is red in a failure mode (slow progress, low adoption, not sustained), scored
// as the portfolio scores them, as of `now`.

export async function failureModeConcerns(db: Executor, sponsor: AuthUser, now: Date) {
  const programs = await db
    .selectFrom('programs')
    .select(['id', 'reporting_timezone'])
    .where('archived_at', 'is', null)
    .execute()
  const concerns: {
    initiativeId: string
    initiativeName: string
    programId: string
    modes: FailureMode[]
  }[] = []
  for (const program of programs) {
    const rows = await portfolioOf(db, sponsor, program, { mine: true }, now)
    for (const row of rows) {
      if (row.sponsorId !== sponsor.id) continue
      const modes = FAILURE_MODES.filter((mode) => row.health[mode].band === 'red')
      if (modes.length)
        concerns.push({ initiativeId: row.id, initiativeName: row.name, programId: program.id, modes })
    }
  }
  return concerns
}
