import { sql } from 'kysely'
import { addDays, todayUtc } from '~/utils/calendar'
import type { Executor } from '~/utils/db.server'

// What of this area waits for someone (read by app/models/attention/): feedback still new after
// `triageDays` days, the status steps of feedback since `changedSince` (with who should hear: the
// submitter and the submitters of duplicates merged into it, never the person who took the step), and
// EET members with a portal account who have neither submitted nor voted in the last `inactiveDays` days.

export function untriagedFeedback(db: Executor, now: Date, triageDays: number) {
  return db
    .selectFrom('pilot_feedback as f')
    .innerJoin('initiatives as i', 'i.id', 'f.initiative_id')
    .select([
      'f.id',
      'f.title',
      'f.created_at',
      'i.id as initiative_id',
      'i.name as initiative_name',
      'i.program_id',
      'i.lead_id',
    ])
    .where('i.archived_at', 'is', null)
    .where('f.status', '=', 'new')
    .where('f.merged_into', 'is', null)
    .where('f.created_at', '<', new Date(now.getTime() - triageDays * 86_400_000))
    .execute()
}

export async function feedbackSteps(db: Executor, changedSince: Date) {
  const steps = await db
    .selectFrom('pilot_feedback_events as e')
    .innerJoin('pilot_feedback as f', 'f.id', 'e.feedback_id')
    .innerJoin('initiatives as i', 'i.id', 'f.initiative_id')
    .select([
      'e.id',
      'e.feedback_id',
      'e.actor_id',
      'e.to_status',
      'e.at',
      'f.title',
      'f.submitter_id',
      'i.id as initiative_id',
      'i.name as initiative_name',
      'i.program_id',
    ])
    .where('e.from_status', 'is not', null)
    .where('e.at', '>=', changedSince)
    .where('i.archived_at', 'is', null)
    .execute()
  if (!steps.length) return []
  const duplicates = await db
    .selectFrom('pilot_feedback')
    .select(['merged_into', 'submitter_id'])
    .where('merged_into', 'in', [...new Set(steps.map((step) => step.feedback_id))])
    .execute()
  return steps.map((step) => ({
    ...step,
    recipients: [
      ...new Set(
        [
          step.submitter_id,
          ...duplicates.filter((d) => d.merged_into === step.feedback_id).map((d) => d.submitter_id),
        ].filter((id): id is string => Boolean(id) && id !== step.actor_id),
      ),
    ],
  }))
}

export function inactiveEetMembers(db: Executor, now: Date, inactiveDays: number) {
  const since = new Date(now.getTime() - inactiveDays * 86_400_000)
  const joinedBy = addDays(todayUtc(now), -inactiveDays)
  return db
    .selectFrom('eet_members as m')
    .innerJoin('sellers as s', 's.id', 'm.seller_id')
    .innerJoin('initiatives as i', 'i.id', 'm.initiative_id')
    .select([
      'm.id',
      'm.joined_on',
      's.name as seller_name',
      's.user_id',
      'i.id as initiative_id',
      'i.name as initiative_name',
      'i.program_id',
      'i.lead_id',
    ])
    .where('m.left_on', 'is', null)
    .where('m.joined_on', '<=', joinedBy)
    .where('s.user_id', 'is not', null)
    .where('i.archived_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('pilot_feedback as f')
            .select(sql`1`.as('one'))
            .whereRef('f.initiative_id', '=', 'm.initiative_id')
            .whereRef('f.submitter_id', '=', 's.user_id')
            .where('f.created_at', '>=', since),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('pilot_feedback_votes as v')
            .innerJoin('pilot_feedback as vf', 'vf.id', 'v.feedback_id')
            .select(sql`1`.as('one'))
            .whereRef('vf.initiative_id', '=', 'm.initiative_id')
            .whereRef('v.user_id', '=', 's.user_id')
            .where('v.created_at', '>=', since),
        ),
      ),
    )
    .execute()
}
