import type { Locale } from '~/i18n/locales'
import { translate } from '~/i18n/translate'
import type { Executor } from '~/utils/db.server'
import type { FieldErrors } from '~/utils/forms'
import { InvalidAssignmentError, listLeadAndSponsorCandidates } from './initiative.server'
import { listPrograms } from './program.server'

/** The choices an initiative form offers: open programs, eligible leads and sponsors. */
export async function initiativeFormOptions(db: Executor) {
  const [programs, candidates] = await Promise.all([listPrograms(db), listLeadAndSponsorCandidates(db)])
  return { programs: programs.map((p) => ({ id: p.id, name: p.name })), ...candidates }
}

/** Turns a server-side assignment check into a field error in the user's language. */
export function assignmentError(error: unknown, locale: Locale): FieldErrors | null {
  if (!(error instanceof InvalidAssignmentError)) return null
  const key =
    error.field === 'lead_id'
      ? 'errors.leadRole'
      : error.field === 'sponsor_id'
        ? 'errors.sponsorRole'
        : 'errors.programArchived'
  return { [error.field]: [translate(locale, key)] }
}
