import { sql, type Insertable } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import type { Database, Executor } from '~/utils/db.server'
import type { FeedbackStatus, PilotFeedbackEventsTable } from '~/models/eet/tables'
import { groupBy } from '~/utils/group-by'
import { actorOf, audit } from '../foundation/audit.server'
import { initiativeEditableBy, initiativeVisibleTo } from '../foundation/access.server'
import type { FEEDBACK_SORTS } from './eet.schema'
import { NEXT_STATUSES, type FeedbackFilter, type FeedbackInput, type TriageInput } from './eet.schema'
import { summariseFeedback, type FeedbackFact, type FeedbackFigures } from './feedback-summary'
import { findBacklogItem, linkFeedback, listBacklogItemsCiting } from '../delivery/backlog.server'
import { notify } from '../attention/notification.server'
import { announce } from '../attention/outbox.server'
import { containsPattern, pagesFor } from '~/utils/list-query'
import { DomainError } from '~/utils/domain-error'

// Pilot feedback. Reading follows the initiative's visibility (an EET member sees only the pilots they
// are in); submitting and voting need feedback:submit; triage needs feedback:triage on an initiative
// the user may edit (its lead, or an admin). Every status change notifies the submitters in-app.

export function feedbackLink(initiativeId: string, feedbackId: string) {
  return `/initiatives/${initiativeId}/feedback/${feedbackId}`
}

/** One step of an item's history: the status before and after (a merge keeps it), who, and why. */
function recordStep(trx: Executor, step: Insertable<PilotFeedbackEventsTable>) {
  return trx.insertInto('pilot_feedback_events').values(step).execute()
}

function visibleFeedback(db: Executor, user: AuthUser) {
  return db
    .selectFrom('pilot_feedback as f')
    .innerJoin('initiatives', 'initiatives.id', 'f.initiative_id')
    .where(initiativeVisibleTo(user))
}

export type FeedbackListOptions = FeedbackFilter & {
  sort?: (typeof FEEDBACK_SORTS)[number]
  dir?: 'asc' | 'desc'
  /** Words in the title or text. */
  q?: string
  page?: number
  /** `null`: every row the filters keep (the CSV export). */
  pageSize?: number | null
}

function filteredFeedback(db: Executor, user: AuthUser, initiativeId: string, filter: FeedbackListOptions) {
  let query = visibleFeedback(db, user).where('f.initiative_id', '=', initiativeId)
  if (filter.status) query = query.where('f.status', '=', filter.status)
  if (filter.kind) query = query.where('f.kind', '=', filter.kind)
  if (filter.release) query = query.where('f.release', '=', filter.release)
  if (filter.mine) query = query.where('f.submitter_id', '=', user.id)
  if (filter.q) {
    const pattern = containsPattern(filter.q)
    query = query.where((eb) => eb.or([eb('f.title', 'ilike', pattern), eb('f.body', 'ilike', pattern)]))
  }
  return query
}

/** One page of an initiative's feedback, filtered and sorted in SQL, with the count of all that match. */
export async function listFeedbackPage(
  db: Executor,
  user: AuthUser,
  initiativeId: string,
  filter: FeedbackListOptions = {},
) {
  const pageSize = filter.pageSize === undefined ? 50 : filter.pageSize
  const page = filter.page ?? 1
  const [rows, count] = await Promise.all([
    listFeedback(db, user, initiativeId, { ...filter, pageSize }),
    filteredFeedback(db, user, initiativeId, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst(),
  ])
  const total = Number(count?.n ?? 0)
  return { rows, total, page, pages: pageSize ? pagesFor(total, pageSize) : 1 }
}

export async function listFeedback(
  db: Executor,
  user: AuthUser,
  initiativeId: string,
  filter: FeedbackListOptions = {},
) {
  const dir = filter.dir ?? 'desc'
  const pageSize = filter.pageSize === undefined ? 500 : filter.pageSize
  const sortColumn = {
    created: 'f.created_at',
    votes: 'votes',
    usefulness: 'f.usefulness',
    title: 'f.title',
    status: 'f.status',
    kind: 'f.kind',
  } as const
  let query = filteredFeedback(db, user, initiativeId, filter)
    .leftJoin('users as submitter', 'submitter.id', 'f.submitter_id')
    .leftJoin('pilot_feedback as target', 'target.id', 'f.merged_into')
    .select([
      'f.id',
      'f.kind',
      'f.status',
      'f.release',
      'f.title',
      'f.usefulness',
      'f.ease',
      'f.recommend',
      'f.merged_into',
      'f.created_at',
      'f.updated_at',
      'f.submitter_id',
      'submitter.name as submitter_name',
      'target.title as merged_title',
      'target.status as merged_status',
    ])
    .select((eb) => [
      eb
        .selectFrom('pilot_feedback_votes as v')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('v.feedback_id', '=', 'f.id')
        .as('votes'),
      eb
        .exists(
          eb
            .selectFrom('pilot_feedback_votes as v')
            .select('v.user_id')
            .whereRef('v.feedback_id', '=', 'f.id')
            .where('v.user_id', '=', user.id),
        )
        .as('voted'),
    ])
    .orderBy(sortColumn[filter.sort ?? 'created'], dir)
    .orderBy('f.created_at', 'desc')
  // Without a page size: the newest 500, as before lists paged.
  if (pageSize !== null) query = query.limit(pageSize).offset(((filter.page ?? 1) - 1) * pageSize)
  const rows = await query.execute()
  return rows.map((row) => ({ ...row, votes: Number(row.votes ?? 0), mine: row.submitter_id === user.id }))
}

export async function getFeedback(db: Executor, user: AuthUser, initiativeId: string, id: string) {
  const item = await visibleFeedback(db, user)
    .leftJoin('users as submitter', 'submitter.id', 'f.submitter_id')
    .selectAll('f')
    .select(['submitter.name as submitter_name'])
    .select((eb) => sql<boolean>`${initiativeEditableBy(user)(eb as never)}`.as('editable'))
    .where('f.id', '=', id)
    .where('f.initiative_id', '=', initiativeId)
    .executeTakeFirst()
  if (!item) return null
  const [events, votes, duplicates, target, backlog] = await Promise.all([
    db
      .selectFrom('pilot_feedback_events as e')
      .leftJoin('users', 'users.id', 'e.actor_id')
      .select(['e.id', 'e.from_status', 'e.to_status', 'e.note', 'e.at', 'users.name as actor_name'])
      .where('e.feedback_id', '=', id)
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('pilot_feedback_votes')
      .select([
        (eb) => eb.fn.countAll<number>().as('count'),
        (eb) => eb.fn.max(sql<number>`(user_id = ${user.id})::int`).as('mine'),
      ])
      .where('feedback_id', '=', id)
      .executeTakeFirst(),
    db
      .selectFrom('pilot_feedback')
      .select(['id', 'title'])
      .where('merged_into', '=', id)
      .orderBy('created_at')
      .execute(),
    item.merged_into
      ? db
          .selectFrom('pilot_feedback')
          .select(['id', 'title', 'status', 'decline_reason'])
          .where('id', '=', item.merged_into)
          .executeTakeFirst()
      : undefined,
    listBacklogItemsCiting(db, id),
  ])
  const canTriage = can(user.role, 'feedback:triage') && Boolean(item.editable)
  return {
    ...item,
    mine: item.submitter_id === user.id,
    votes: Number(votes?.count ?? 0),
    voted: Number(votes?.mine ?? 0) === 1,
    events,
    duplicates,
    target: target ?? null,
    backlog,
    canTriage,
    canVote: can(user.role, 'feedback:submit') && item.submitter_id !== user.id && !item.merged_into,
    nextStatuses: canTriage && !item.merged_into ? NEXT_STATUSES[item.status] : [],
  }
}

/** Backlog items (agile delivery) a planned item may be linked to (the delivery area's). */
export { listBacklogChoices } from '../delivery/backlog.server'

/** Other open items of the same initiative a duplicate may be merged into. */
export function listMergeTargets(db: Executor, initiativeId: string, exceptId: string) {
  return db
    .selectFrom('pilot_feedback')
    .select(['id', 'title', 'status'])
    .where('initiative_id', '=', initiativeId)
    .where('id', '<>', exceptId)
    .where('merged_into', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()
}

export async function submitFeedback(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  input: FeedbackInput,
) {
  if (!can(user.role, 'feedback:submit')) throw new DomainError('error.notFound.body', { status: 404 })
  return db.transaction().execute(async (trx) => {
    const initiative = await trx
      .selectFrom('initiatives')
      .select('id')
      .where('id', '=', initiativeId)
      .where(initiativeVisibleTo(user))
      .executeTakeFirst()
    if (!initiative) throw new DomainError('error.notFound.body', { status: 404 })
    const releases = await trx
      .selectFrom('pilot_releases')
      .select('version')
      .where('initiative_id', '=', initiativeId)
      .execute()
    if (releases.length && !releases.some((release) => release.version === input.release))
      throw new DomainError('eet.feedback.badRelease', { field: 'release' })
    const values = {
      release: input.release,
      kind: input.kind,
      usefulness: input.usefulness,
      ease: input.ease,
      recommend: input.recommend,
      title: input.title,
      body: input.body,
    }
    const created = await trx
      .insertInto('pilot_feedback')
      .values({ ...values, initiative_id: initiativeId, submitter_id: user.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordStep(trx, { feedback_id: created.id, actor_id: user.id, from_status: null, to_status: 'new' })
    await audit(trx, {
      actor: actorOf(user),
      action: 'feedback.submit',
      entityType: 'pilot_feedback',
      entityId: created.id,
      after: values,
    })
    return created
  })
}

export async function setVote(db: Database, user: AuthUser, initiativeId: string, id: string, on: boolean) {
  if (!can(user.role, 'feedback:submit')) throw new DomainError('error.notFound.body', { status: 404 })
  return db.transaction().execute(async (trx) => {
    const item = await visibleFeedback(trx, user)
      .select(['f.id', 'f.submitter_id', 'f.merged_into'])
      .where('f.id', '=', id)
      .where('f.initiative_id', '=', initiativeId)
      .executeTakeFirst()
    if (!item) throw new DomainError('error.notFound.body', { status: 404 })
    if (item.submitter_id === user.id || item.merged_into)
      throw new DomainError('error.forbidden.body', { status: 403 })
    if (on)
      await trx
        .insertInto('pilot_feedback_votes')
        .values({ feedback_id: id, user_id: user.id })
        .onConflict((oc) => oc.doNothing())
        .execute()
    else
      await trx
        .deleteFrom('pilot_feedback_votes')
        .where('feedback_id', '=', id)
        .where('user_id', '=', user.id)
        .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: on ? 'feedback.vote' : 'feedback.unvote',
      entityType: 'pilot_feedback',
      entityId: id,
    })
  })
}

async function triageable(trx: Executor, user: AuthUser, initiativeId: string, id: string) {
  if (!can(user.role, 'feedback:triage')) throw new DomainError('error.notFound.body', { status: 404 })
  const item = await trx
    .selectFrom('pilot_feedback as f')
    .innerJoin('initiatives', 'initiatives.id', 'f.initiative_id')
    .select([
      'f.id',
      'f.status',
      'f.title',
      'f.submitter_id',
      'f.merged_into',
      'f.decline_reason',
      'initiatives.name as initiative_name',
    ])
    .where('f.id', '=', id)
    .where('f.initiative_id', '=', initiativeId)
    .where(initiativeEditableBy(user))
    .forUpdate(['f'] as never)
    .executeTakeFirst()
  if (!item) throw new DomainError('error.notFound.body', { status: 404 })
  return item
}

/** Moves an item along new → under review → planned → shipped (or declined, with a reason). */
export async function triageFeedback(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  id: string,
  input: Omit<TriageInput, 'intent'>,
) {
  return db.transaction().execute(async (trx) => {
    const item = await triageable(trx, user, initiativeId, id)
    if (item.merged_into || !NEXT_STATUSES[item.status].includes(input.status))
      throw new DomainError('eet.feedback.badTransition', { field: 'status' })
    if (input.backlog_item_id) {
      const backlogItem = await findBacklogItem(trx, initiativeId, input.backlog_item_id)
      if (!backlogItem || input.status !== 'planned')
        throw new DomainError('errors.invalidChoice', { field: 'backlog_item_id' })
      await linkFeedback(trx, backlogItem.id, [id])
    }
    const closed = input.status === 'shipped' || input.status === 'declined'
    const declineReason = input.status === 'declined' ? input.decline_reason : null
    await trx
      .updateTable('pilot_feedback')
      .set({
        status: input.status,
        decline_reason: declineReason,
        first_response_at: sql`coalesce(first_response_at, now())`,
        closed_at: closed ? new Date() : null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute()
    const [step] = await trx
      .insertInto('pilot_feedback_events')
      .values({
        feedback_id: id,
        actor_id: user.id,
        from_status: item.status,
        to_status: input.status,
        note: input.status === 'declined' ? input.decline_reason : input.note,
      })
      .returning('id')
      .execute()
    // The submitter, and the submitters of duplicates merged into it, hear about every step.
    const duplicates = await trx
      .selectFrom('pilot_feedback')
      .select('submitter_id')
      .where('merged_into', '=', id)
      .execute()
    const recipients = new Set(
      [item.submitter_id, ...duplicates.map((row) => row.submitter_id)].filter(
        (userId): userId is string => Boolean(userId) && userId !== user.id,
      ),
    )
    await notify(
      trx,
      [...recipients].map((userId) => ({
        userId,
        kind: 'feedback.status',
        payload: {
          title: item.title,
          initiative: item.initiative_name,
          from: item.status,
          status: input.status,
          reason: declineReason,
        },
        link: feedbackLink(initiativeId, id),
        entityType: 'pilot_feedback',
        entityId: id,
      })),
    )
    // The in-app notice above is the history; the outbox adds the email of those who chose it.
    await announce(trx, [`feedback.status:${step!.id}`], { groups: ['eet'], inApp: false })
    await audit(trx, {
      actor: actorOf(user),
      action: 'feedback.status',
      entityType: 'pilot_feedback',
      entityId: id,
      before: { status: item.status, decline_reason: item.decline_reason },
      after: { status: input.status, decline_reason: declineReason },
    })
    return { status: input.status as FeedbackStatus, notified: recipients.size }
  })
}

/** Marks `id` a duplicate of `targetId`: votes carry over, and the duplicate's submitter becomes a voter. */
export async function mergeFeedback(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  id: string,
  targetId: string,
) {
  return db.transaction().execute(async (trx) => {
    const item = await triageable(trx, user, initiativeId, id)
    const target = await triageable(trx, user, initiativeId, targetId).catch(() => null)
    if (!target || target.id === item.id || item.merged_into || target.merged_into)
      throw new DomainError('eet.feedback.badMerge', { field: 'target_id' })
    await trx
      .insertInto('pilot_feedback_votes')
      .columns(['feedback_id', 'user_id', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('pilot_feedback_votes as v')
          .select([sql<string>`${targetId}::uuid`.as('feedback_id'), 'v.user_id', 'v.created_at'])
          .where('v.feedback_id', '=', id)
          .where(sql<boolean>`v.user_id is distinct from ${target.submitter_id}::uuid`),
      )
      .onConflict((oc) => oc.doNothing())
      .execute()
    if (item.submitter_id && item.submitter_id !== target.submitter_id)
      await trx
        .insertInto('pilot_feedback_votes')
        .values({ feedback_id: targetId, user_id: item.submitter_id })
        .onConflict((oc) => oc.doNothing())
        .execute()
    await trx.deleteFrom('pilot_feedback_votes').where('feedback_id', '=', id).execute()
    // Earlier duplicates of this item now point at the target too.
    await trx
      .updateTable('pilot_feedback')
      .set({ merged_into: targetId, updated_at: new Date() })
      .where('merged_into', '=', id)
      .execute()
    await trx
      .updateTable('pilot_feedback')
      .set({
        merged_into: targetId,
        first_response_at: sql`coalesce(first_response_at, now())`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute()
    await recordStep(trx, {
      feedback_id: id,
      actor_id: user.id,
      from_status: item.status,
      to_status: item.status,
      note: `merged:${targetId}`,
    })
    if (item.submitter_id && item.submitter_id !== user.id)
      await notify(trx, [
        {
          userId: item.submitter_id,
          kind: 'feedback.merged',
          payload: { title: item.title, target: target.title, initiative: item.initiative_name },
          link: feedbackLink(initiativeId, targetId),
          entityType: 'pilot_feedback',
          entityId: targetId,
        },
      ])
    await audit(trx, {
      actor: actorOf(user),
      action: 'feedback.merge',
      entityType: 'pilot_feedback',
      entityId: id,
      after: { merged_into: targetId },
    })
  })
}

/**
 * Figures for an initiative (optionally one release): volume by kind, average ratings, NPS-style
 * score, time to first response, closed-loop share. Called by the sponsor's view as well; the caller
 * has already checked the initiative is visible.
 */
export async function feedbackSummary(
  db: Executor,
  initiativeId: string,
  { release }: { release?: string } = {},
) {
  return (await feedbackSummaryFor(db, [initiativeId], { release })).get(initiativeId)!
}
export type FeedbackSummary = FeedbackFigures & { perRelease: ({ release: string } & FeedbackFigures)[] }

/** `feedbackSummary` of many initiatives in one read; every id gets an entry. */
export async function feedbackSummaryFor(
  db: Executor,
  initiativeIds: readonly string[],
  { release }: { release?: string } = {},
): Promise<Map<string, FeedbackSummary>> {
  const factsOf = await feedbackFactsFor(db, initiativeIds, release)
  return new Map(
    initiativeIds.map((id) => {
      const facts = factsOf.get(id)!
      const releases = [...new Set(facts.map((fact) => fact.release))].sort()
      return [
        id,
        {
          ...summariseFeedback(facts),
          perRelease: releases.map((name) => ({
            release: name,
            ...summariseFeedback(facts.filter((fact) => fact.release === name)),
          })),
        },
      ]
    }),
  )
}

/** The overall figures of `feedbackSummary` (not per release) of many initiatives, for the sponsor's view. */
export async function feedbackFiguresFor(
  db: Executor,
  initiativeIds: readonly string[],
): Promise<Map<string, FeedbackFigures>> {
  const factsOf = await feedbackFactsFor(db, initiativeIds)
  return new Map(initiativeIds.map((id) => [id, summariseFeedback(factsOf.get(id)!)]))
}

/** Each initiative's feedback as the figures need it; a merged duplicate takes its target's status. */
async function feedbackFactsFor(db: Executor, initiativeIds: readonly string[], release?: string) {
  if (!initiativeIds.length) return new Map<string, FeedbackFact[]>()
  let query = db
    .selectFrom('pilot_feedback as f')
    .leftJoin('pilot_feedback as target', 'target.id', 'f.merged_into')
    .select([
      'f.initiative_id',
      'f.kind',
      'f.release',
      'f.usefulness',
      'f.ease',
      'f.recommend',
      'f.created_at',
      'f.first_response_at',
      'f.merged_into',
      (eb) => eb.fn.coalesce('target.status', 'f.status').as('status'),
    ])
    .where('f.initiative_id', 'in', initiativeIds)
  if (release) query = query.where('f.release', '=', release)
  const rowsOf = groupBy(await query.execute(), (row) => row.initiative_id)
  return new Map(
    initiativeIds.map((id) => [
      id,
      (rowsOf.get(id) ?? []).map((row): FeedbackFact => ({
        kind: row.kind,
        status: row.status,
        release: row.release,
        usefulness: row.usefulness,
        ease: row.ease,
        recommend: row.recommend,
        created_at: row.created_at,
        first_response_at: row.first_response_at,
        merged: row.merged_into !== null,
      })),
    ]),
  )
}

/** Pilot-feedback loops closed (shipped or declined) in [from, to], per initiative (the sponsor's period report). */
export function feedbackClosedIn(
  db: Executor,
  initiativeIds: readonly string[],
  range: { from: string; to: string; timezone: string },
) {
  if (!initiativeIds.length) return Promise.resolve([])
  return db
    .selectFrom('pilot_feedback as f')
    .innerJoin('initiatives as i', 'i.id', 'f.initiative_id')
    .select((eb) => [
      'i.id as initiative_id',
      'i.name as initiative_name',
      eb.fn.countAll<number>().filterWhere('f.status', '=', 'shipped').as('shipped'),
      eb.fn.countAll<number>().filterWhere('f.status', '=', 'declined').as('declined'),
    ])
    .where('f.merged_into', 'is', null)
    .where('f.closed_at', 'is not', null)
    .where(
      sql<boolean>`(f.closed_at at time zone ${range.timezone})::date between ${range.from}::date and ${range.to}::date`,
    )
    .where('f.initiative_id', 'in', initiativeIds)
    .groupBy(['i.id', 'i.name'])
    .orderBy('i.name')
    .execute()
}

/** Distinct reps who submitted pilot feedback, per initiative (the reps the feedback figures are about). */
export async function feedbackSubmittersFor(db: Executor, initiativeIds: readonly string[]) {
  if (!initiativeIds.length) return new Map<string, number>()
  const rows = await db
    .selectFrom('pilot_feedback')
    .select(['initiative_id', (eb) => eb.fn.count<number>('submitter_id').distinct().as('reps')])
    .where('initiative_id', 'in', initiativeIds)
    .groupBy('initiative_id')
    .execute()
  return new Map(rows.map((row) => [row.initiative_id, Number(row.reps)]))
}
