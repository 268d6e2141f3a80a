import { addDays, daysBetween, todayIn, todayUtc } from '~/utils/calendar'
import type { Executor } from '~/utils/db.server'
import { caseFacts, gateFacts, governanceReviewFacts } from '../accountability/attention.server'
import { phaseConcerns, sprintConcerns } from '../delivery/attention.server'
import { feedbackSteps, inactiveEetMembers, untriagedFeedback } from '../eet/attention.server'
import { kpiConcerns } from '../kpi/attention.server'
import {
  acknowledgeable,
  byUrgency,
  DECISION_DAYS,
  INACTIVE_DAYS,
  INFO_DAYS,
  REVIEW_LEAD_DAYS,
  TRIAGE_DAYS,
  type AttentionItem,
} from './kinds'

// The one place that knows every condition needing a person's action: who, why, the link, how urgent,
// since when. Each condition is derived, as of `now`, from its area's data through that area's
// exported facts; nothing here is stored except a person's "seen" on an informational item.

type Recipients = { admins: string[] }
const DAY = 86_400_000

/** Deciders of an initiative's case or gate: its sponsor, or the admins when it has none. */
function decidersOf(sponsorId: string | null, { admins }: Recipients, except: (string | null)[]) {
  return (sponsorId ? [sponsorId] : admins).filter((id) => !except.includes(id))
}

async function recipientsOf(db: Executor): Promise<Recipients> {
  const admins = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .execute()
  return { admins: admins.map((row) => row.id) }
}

function decisionUrgency(since: Date | null, now: Date) {
  return since && now.getTime() - since.getTime() > DECISION_DAYS * DAY ? 'overdue' : 'due'
}

async function accountabilityItems(db: Executor, now: Date, recipients: Recipients) {
  const items: AttentionItem[] = []
  const infoSince = new Date(now.getTime() - INFO_DAYS * DAY)
  for (const c of await caseFacts(db)) {
    const base = {
      programId: c.program_id,
      initiativeId: c.initiative_id,
      dueOn: null,
      link: `/initiatives/${c.initiative_id}/case`,
      vars: { initiative: c.initiative_name, version: c.version, status: c.status },
    }
    if (c.status === 'submitted')
      for (const userId of decidersOf(c.sponsor_id, recipients, [c.author_id, c.submitted_by]))
        items.push({
          ...base,
          key: `case.submitted:${c.id}`,
          kind: 'case.submitted',
          userId,
          urgency: decisionUrgency(c.submitted_at, now),
          since: c.submitted_at ?? now,
        })
    else if (c.status === 'changes_requested' && c.lead_id)
      items.push({
        ...base,
        key: `case.changes_requested:${c.id}`,
        kind: 'case.changes_requested',
        userId: c.lead_id,
        urgency: 'due',
        since: c.decided_at ?? now,
        link: `/initiatives/${c.initiative_id}/case/edit`,
      })
    else if (c.lead_id && c.decided_at && c.decided_at >= infoSince)
      items.push({
        ...base,
        key: `case.decided:${c.id}`,
        kind: 'case.decided',
        userId: c.lead_id,
        urgency: 'info',
        since: c.decided_at,
      })
  }
  for (const g of await gateFacts(db, todayUtc(infoSince))) {
    const base = {
      programId: g.program_id,
      initiativeId: g.initiative_id,
      dueOn: null,
      link: `/initiatives/${g.initiative_id}/gates`,
      vars: { initiative: g.initiative_name, from: g.from_stage, to: g.to_stage, status: g.status },
    }
    if (g.status === 'pending')
      for (const userId of decidersOf(g.sponsor_id, recipients, [g.requested_by]))
        items.push({
          ...base,
          key: `gate.requested:${g.id}`,
          kind: 'gate.requested',
          userId,
          urgency: decisionUrgency(g.requested_at, now),
          since: g.requested_at,
        })
    else if (g.lead_id)
      items.push({
        ...base,
        key: `gate.decided:${g.id}`,
        kind: 'gate.decided',
        userId: g.lead_id,
        urgency: 'info',
        since: new Date(`${g.decision_date}T00:00:00Z`),
      })
  }
  const today = todayUtc(now)
  for (const r of await governanceReviewFacts(db, addDays(today, REVIEW_LEAD_DAYS))) {
    const owner = r.owner_id ?? r.created_by
    if (!owner || !r.due_date) continue
    items.push({
      key: `governance.review_due:${r.id}`,
      kind: 'governance.review_due',
      userId: owner,
      programId: null,
      initiativeId: null,
      urgency: r.due_date < today ? 'overdue' : r.due_date === today ? 'due' : 'soon',
      since: new Date(`${addDays(r.due_date, -REVIEW_LEAD_DAYS)}T00:00:00Z`),
      dueOn: r.due_date,
      link: '/governance',
      vars: { subject: r.subject, due: r.due_date },
    })
  }
  return items
}

async function kpiItems(db: Executor, now: Date) {
  return (await kpiConcerns(db, now)).flatMap((kpi): AttentionItem[] => {
    const owner = kpi.owner_id ?? kpi.lead_id
    if (!owner) return []
    return [
      {
        key: `kpi.${kpi.concern}:${kpi.id}:${kpi.state_period_end}`,
        kind: `kpi.${kpi.concern}`,
        userId: owner,
        programId: kpi.program_id,
        initiativeId: kpi.initiative_id,
        urgency: kpi.concern === 'stale' ? 'overdue' : kpi.concern === 'off_track' ? 'due' : 'soon',
        since: new Date(`${kpi.state_period_end}T00:00:00Z`),
        dueOn: kpi.dueOn,
        link: `/kpis/${kpi.id}`,
        vars: { kpi_en: kpi.name_en, kpi_zh: kpi.name_zh_tw, period: kpi.state_period_end! },
      },
    ]
  })
}

async function deliveryItems(db: Executor, now: Date) {
  const items: AttentionItem[] = []
  for (const { initiative, cycle, phase, today } of await phaseConcerns(db, now)) {
    if (!initiative.lead_id) continue
    const over = phase.clock.level === 'overrun'
    items.push({
      key: `cycle.phase_${over ? 'overrun' : 'warning'}:${phase.id}`,
      kind: over ? 'cycle.phase_overrun' : 'cycle.phase_warning',
      userId: initiative.lead_id,
      programId: initiative.program_id,
      initiativeId: initiative.id,
      urgency: over ? 'overdue' : 'soon',
      since: new Date(`${phase.started_on}T00:00:00Z`),
      dueOn: null,
      link: `/initiatives/${initiative.id}/cycle`,
      vars: {
        initiative: initiative.name,
        cycle: cycle.number,
        phase: phase.phase,
        percent: Math.round(phase.clock.ratio * 100),
        today,
      },
    })
  }
  for (const concern of await sprintConcerns(db, now, new Date(now.getTime() - INFO_DAYS * DAY))) {
    const { sprint, initiative } = concern
    if (!initiative.lead_id) continue
    const ending = concern.kind === 'ending'
    items.push({
      key: `sprint.${concern.kind === 'ending' ? 'ending' : 'slipped'}:${sprint.id}`,
      kind: ending ? 'sprint.ending' : 'sprint.slipped',
      userId: initiative.lead_id,
      programId: initiative.program_id,
      initiativeId: initiative.id,
      urgency: ending ? 'soon' : 'info',
      since: ending ? new Date(`${addDays(sprint.end_date, -1)}T00:00:00Z`) : (sprint.closed_at ?? now),
      dueOn: ending ? sprint.end_date : null,
      link: `/initiatives/${initiative.id}/sprints/${sprint.id}`,
      vars: { initiative: initiative.name, sprint: sprint.number, points: concern.slipped },
    })
  }
  return items
}

async function eetItems(db: Executor, now: Date) {
  const items: AttentionItem[] = []
  for (const f of await untriagedFeedback(db, now, TRIAGE_DAYS)) {
    if (!f.lead_id) continue
    items.push({
      key: `feedback.untriaged:${f.id}`,
      kind: 'feedback.untriaged',
      userId: f.lead_id,
      programId: f.program_id,
      initiativeId: f.initiative_id,
      urgency: 'due',
      since: new Date(f.created_at.getTime() + TRIAGE_DAYS * DAY),
      dueOn: null,
      link: `/initiatives/${f.initiative_id}/feedback/${f.id}`,
      vars: {
        initiative: f.initiative_name,
        title: f.title,
        days: Math.floor((now.getTime() - f.created_at.getTime()) / DAY),
      },
    })
  }
  for (const step of await feedbackSteps(db, new Date(now.getTime() - INFO_DAYS * DAY)))
    for (const userId of step.recipients)
      items.push({
        key: `feedback.status:${step.id}`,
        kind: 'feedback.status',
        userId,
        programId: step.program_id,
        initiativeId: step.initiative_id,
        urgency: 'info',
        since: step.at,
        dueOn: null,
        link: `/initiatives/${step.initiative_id}/feedback/${step.feedback_id}`,
        vars: { initiative: step.initiative_name, title: step.title, status: step.to_status },
      })
  for (const member of await inactiveEetMembers(db, now, INACTIVE_DAYS)) {
    if (!member.lead_id) continue
    items.push({
      key: `eet.inactive:${member.id}`,
      kind: 'eet.inactive',
      userId: member.lead_id,
      programId: member.program_id,
      initiativeId: member.initiative_id,
      urgency: 'soon',
      since: new Date(now.getTime() - INACTIVE_DAYS * DAY),
      dueOn: null,
      link: `/initiatives/${member.initiative_id}/eet`,
      vars: { initiative: member.initiative_name, rep: member.seller_name, days: INACTIVE_DAYS },
    })
  }
  return items
}

async function acknowledgedKeys(db: Executor, userIds?: readonly string[]) {
  let query = db.selectFrom('attention_acknowledgements').select(['user_id', 'item_key'])
  if (userIds) {
    if (!userIds.length) return new Set<string>()
    query = query.where('user_id', 'in', userIds)
  }
  return new Set((await query.execute()).map((row) => `${row.user_id} ${row.item_key}`))
}

export const ATTENTION_GROUPS = ['accountability', 'kpi', 'delivery', 'eet'] as const
export type AttentionGroup = (typeof ATTENTION_GROUPS)[number]

const GROUP_ITEMS: Record<
  AttentionGroup,
  (db: Executor, now: Date, recipients: Recipients) => Promise<AttentionItem[]>
> = {
  accountability: accountabilityItems,
  kpi: (db, now) => kpiItems(db, now),
  delivery: (db, now) => deliveryItems(db, now),
  eet: (db, now) => eetItems(db, now),
}

/**
 * The conditions of these areas that hold as of `now`, for everyone (or `only` these users), without
 * what was marked seen, most urgent first. The sponsor's failure-mode items are added by
 * needs-you.server.ts (they need the portfolio's scoring, which reads every area).
 */
export async function attentionItems(
  db: Executor,
  now: Date,
  options: { only?: readonly string[]; groups?: readonly AttentionGroup[]; extra?: AttentionItem[] } = {},
) {
  const recipients = await recipientsOf(db)
  const groups = await Promise.all(
    (options.groups ?? ATTENTION_GROUPS).map((group) => GROUP_ITEMS[group](db, now, recipients)),
  )
  const wanted = options.only ? new Set(options.only) : null
  const all = [...groups.flat(), ...(options.extra ?? [])].filter(
    (item) => !wanted || wanted.has(item.userId),
  )
  const seen = await acknowledgedKeys(db, options.only)
  return all
    .filter((item) => !(acknowledgeable(item.kind) && seen.has(`${item.userId} ${item.key}`)))
    .sort(byUrgency)
}

/** Days from the program's today to an item's due day (negative: overdue). */
export function daysToDue(item: Pick<AttentionItem, 'dueOn'>, zone: string, now: Date) {
  return item.dueOn ? daysBetween(todayIn(zone, now), item.dueOn) : null
}
