import type { AuthUser } from '~/auth/session.server'
import type { Executor } from '~/utils/db.server'
import { failureModeConcerns } from '../sponsor/attention.server'
import { attentionItems } from './conditions.server'
import type { AttentionItem } from './kinds'

// "Needs you": every area's conditions plus the sponsors' failure-mode items, for one user or for all
// (the digests). Kept apart from conditions.server.ts because the portfolio's scoring reads every
// area, and the areas' own models call the outbox, which reads conditions.server.ts.

async function sponsorItems(db: Executor, sponsor: AuthUser, now: Date) {
  return (await failureModeConcerns(db, sponsor, now)).flatMap((concern) =>
    concern.modes.map((mode): AttentionItem => ({
      key: `initiative.failure_mode:${concern.initiativeId}:${mode}`,
      kind: 'initiative.failure_mode',
      userId: sponsor.id,
      programId: concern.programId,
      initiativeId: concern.initiativeId,
      urgency: 'due',
      since: now,
      dueOn: null,
      link: `/initiatives/${concern.initiativeId}`,
      vars: { initiative: concern.initiativeName, mode },
    })),
  )
}

/** What needs this user now, most urgent first. */
export async function needsYou(db: Executor, user: AuthUser, now: Date = new Date()) {
  const extra = user.role === 'sponsor' ? await sponsorItems(db, user, now) : []
  return attentionItems(db, now, { only: [user.id], extra })
}

/** What needs everyone now (the digests and reminders). */
export async function everyonesItems(db: Executor, now: Date) {
  const sponsors = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'locale'])
    .where('role', '=', 'sponsor')
    .where('disabled_at', 'is', null)
    .execute()
  // One sponsor after another: the portfolio's first read may rebuild derived tables, which two reads
  // at once in one transaction (the scheduler's) would both try.
  const extra: AttentionItem[] = []
  for (const sponsor of sponsors) extra.push(...(await sponsorItems(db, sponsor, now)))
  return attentionItems(db, now, { extra })
}
