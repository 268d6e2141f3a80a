import type { Executor } from '~/utils/db.server'
import { listLeadAndSponsorCandidates } from './initiative.server'
import { listPrograms } from './program.server'

/** The choices an initiative form offers: open programs, eligible leads and sponsors. */
export async function initiativeFormOptions(db: Executor) {
  const [programs, candidates] = await Promise.all([listPrograms(db), listLeadAndSponsorCandidates(db)])
  return { programs: programs.map((p) => ({ id: p.id, name: p.name })), ...candidates }
}
