import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import { addDays, daysBetween } from '~/utils/calendar'
import { DomainError } from '~/utils/domain-error'
import { actorOf, audit } from '../foundation/audit.server'
import type { PayDecisionInput, PayPlanInput } from './pay.schema'
import { simulatePlan } from './pay-simulation'
import type { PayPlanStatus } from './tables'

// Variable-pay transition plans. Pay figures (components, pay assumptions, the simulation and the
// attrition watch) are shown only to admins, the initiative's sponsor and users an admin granted
// finance access (users.finance_access, audited by the admin user page); everyone who sees the
// initiative sees that a plan exists, its status and its transition rule. Admins and finance users
// write plans; the initiative's sponsor (or an admin) decides, never on a version they wrote.

type InitiativeRef = { id: string; sponsor_id: string | null }

export async function payAccess(db: Executor, user: AuthUser, initiative: InitiativeRef) {
  const finance = await db
    .selectFrom('users')
    .select(sql<boolean>`finance_access`.as('finance_access'))
    .where('id', '=', user.id)
    .executeTakeFirst()
  const isAdmin = user.role === 'admin'
  const isSponsor = initiative.sponsor_id === user.id && user.role === 'sponsor'
  const hasFinance = finance?.finance_access === true
  return {
    see: isAdmin || isSponsor || hasFinance,
    edit: isAdmin || hasFinance,
    decide: isAdmin || isSponsor,
  }
}
export type PayAccess = Awaited<ReturnType<typeof payAccess>>

/** Reps on the roster now (not left), by segment. */
export async function rosterSegments(db: Executor) {
  const rows = await db
    .selectFrom('sellers')
    .select(['segment', (eb) => eb.fn.countAll<number>().as('reps')])
    .where('left_at', 'is', null)
    .groupBy('segment')
    .orderBy('segment')
    .execute()
  return new Map(rows.map((row) => [row.segment, Number(row.reps)]))
}

export async function getPayPlan(db: Executor, initiativeId: string) {
  return db
    .selectFrom('pay_plans as p')
    .leftJoin('users as author', 'author.id', 'p.author_id')
    .leftJoin('users as decider', 'decider.id', 'p.decided_by')
    .selectAll('p')
    .select(['author.name as author_name', 'decider.name as decider_name'])
    .where('p.initiative_id', '=', initiativeId)
    .executeTakeFirst()
}
export type PayPlanRow = NonNullable<Awaited<ReturnType<typeof getPayPlan>>>

/**
 * The attrition watch per segment: reps on the roster at the change who left between it and today,
 * against reps on the roster the same number of days earlier who left before the change. On the
 * roster on day d: joined (hire date, else the day the roster first listed them) on or before d and
 * not left before d; days are the program's reporting zone.
 */
export async function attritionWatch(
  db: Executor,
  plan: { effective_from: string },
  today: string,
  timezone: string,
) {
  if (today < plan.effective_from) return null
  const days = daysBetween(plan.effective_from, today) + 1
  const start = addDays(plan.effective_from, -days)
  const end = addDays(today, 1)
  const joined = sql`coalesce(hire_date, (created_at at time zone ${timezone})::date)`
  const left = sql`(left_at at time zone ${timezone})::date`
  const on = (day: string) => sql`${joined} <= ${day}::date and (left_at is null or ${left} >= ${day}::date)`
  const rows = await sql<{
    segment: string
    before_reps: number
    before_left: number
    after_reps: number
    after_left: number
  }>`
    select segment,
      count(*) filter (where ${on(start)})::int as before_reps,
      count(*) filter (where ${on(start)} and ${left} < ${plan.effective_from}::date)::int as before_left,
      count(*) filter (where ${on(plan.effective_from)})::int as after_reps,
      count(*) filter (where ${on(plan.effective_from)} and ${left} < ${end}::date)::int as after_left
    from sellers group by segment order by segment`.execute(db)
  const rate = (left: number, reps: number) => (reps > 0 ? left / reps : null)
  return {
    days,
    before: { from: start, to: addDays(plan.effective_from, -1) },
    after: { from: plan.effective_from, to: today },
    segments: rows.rows.map((row) => ({
      segment: row.segment,
      before: { reps: row.before_reps, left: row.before_left, rate: rate(row.before_left, row.before_reps) },
      after: { reps: row.after_reps, left: row.after_left, rate: rate(row.after_left, row.after_reps) },
    })),
  }
}

/** What the pay page shows: the plan's status for anyone who sees the initiative, figures by access. */
export async function payPlanView(
  db: Executor,
  access: PayAccess,
  initiativeId: string,
  today: string,
  timezone: string,
) {
  const plan = await getPayPlan(db, initiativeId)
  const summary = plan
    ? {
        status: plan.status,
        version: plan.version,
        effective_from: plan.effective_from,
        transition_kind: plan.transition_kind,
        transition_months: plan.transition_months,
        author_id: plan.author_id,
        author_name: plan.author_name,
        decider_name: plan.decider_name,
        decided_at: plan.decided_at,
        decision_note: plan.decision_note,
      }
    : null
  if (!access.see) return { plan: summary, figures: null }
  const reps = await rosterSegments(db)
  return {
    plan: summary,
    figures: {
      rosterSegments: [...reps].map(([segment, count]) => ({ segment, reps: count })),
      terms: plan
        ? {
            loss_threshold_pct: plan.loss_threshold_pct,
            components: plan.components,
            segments: plan.segments,
          }
        : null,
      simulation: plan ? simulatePlan(plan, reps) : null,
      attrition: plan ? await attritionWatch(db, plan, today, timezone) : null,
    },
  }
}

/** Saves the plan; a change to a submitted or decided plan is a new draft version to decide again. */
export async function savePayPlan(db: Database, user: AuthUser, initiativeId: string, input: PayPlanInput) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('pay_plans')
      .selectAll()
      .where('initiative_id', '=', initiativeId)
      .forUpdate()
      .executeTakeFirst()
    const values = {
      effective_from: input.effective_from,
      transition_kind: input.transition_kind,
      transition_months: input.transition_months,
      loss_threshold_pct: input.loss_threshold_pct,
      components: JSON.stringify(input.components),
      segments: JSON.stringify(input.segments),
      author_id: user.id,
    }
    const reset = {
      status: 'draft' as const,
      submitted_at: null,
      decided_by: null,
      decided_at: null,
      decision_note: '',
    }
    if (before)
      await trx
        .updateTable('pay_plans')
        .set({ ...values, ...reset, version: before.version + 1, updated_at: new Date() })
        .where('id', '=', before.id)
        .execute()
    else
      await trx
        .insertInto('pay_plans')
        .values({ initiative_id: initiativeId, ...values })
        .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'pay-plan.save',
      entityType: 'initiative',
      entityId: initiativeId,
      before: before ? { ...pick(before), version: before.version, status: before.status } : undefined,
      after: { ...input, version: before ? before.version + 1 : 1, status: 'draft' },
    })
  })
}

function pick(plan: PayPlanRow | Awaited<ReturnType<typeof selectPlan>>) {
  return {
    effective_from: plan.effective_from,
    transition_kind: plan.transition_kind,
    transition_months: plan.transition_months,
    loss_threshold_pct: plan.loss_threshold_pct,
    components: plan.components,
    segments: plan.segments,
  }
}

function selectPlan(trx: Executor, initiativeId: string) {
  return trx
    .selectFrom('pay_plans')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .forUpdate()
    .executeTakeFirstOrThrow(() => new DomainError('change.pay.errors.noPlan', { status: 409 }))
}

export async function submitPayPlan(db: Database, user: AuthUser, initiativeId: string) {
  return db.transaction().execute(async (trx) => {
    const plan = await selectPlan(trx, initiativeId)
    if (plan.status !== 'draft' && plan.status !== 'changes_requested')
      throw new DomainError('change.pay.errors.notDraft', { status: 409 })
    await trx
      .updateTable('pay_plans')
      .set({ status: 'submitted', submitted_at: new Date(), updated_at: new Date() })
      .where('id', '=', plan.id)
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'pay-plan.submit',
      entityType: 'initiative',
      entityId: initiativeId,
      before: { status: plan.status, version: plan.version },
      after: { status: 'submitted', version: plan.version },
    })
  })
}

export async function decidePayPlan(
  db: Database,
  user: AuthUser,
  initiativeId: string,
  input: PayDecisionInput,
) {
  return db.transaction().execute(async (trx) => {
    const plan = await selectPlan(trx, initiativeId)
    if (plan.status !== 'submitted') throw new DomainError('change.pay.errors.notSubmitted', { status: 409 })
    // As with business cases, whoever wrote the version does not approve it.
    if (plan.author_id === user.id) throw new DomainError('change.pay.errors.ownPlan', { status: 403 })
    const status: PayPlanStatus = input.decision
    await trx
      .updateTable('pay_plans')
      .set({
        status,
        decided_by: user.id,
        decided_at: new Date(),
        decision_note: input.note,
        updated_at: new Date(),
      })
      .where('id', '=', plan.id)
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'pay-plan.decide',
      entityType: 'initiative',
      entityId: initiativeId,
      before: { status: plan.status, version: plan.version },
      after: { status, version: plan.version, note: input.note },
    })
  })
}
