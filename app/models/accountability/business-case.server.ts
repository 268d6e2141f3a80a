import { sql } from 'kysely'
import { can } from '~/auth/permissions'
import type { AuthUser } from '~/auth/session.server'
import type { Database, Executor } from '~/utils/db.server'
import type { CaseStatus } from '~/models/accountability/tables'
import { groupBy } from '~/utils/group-by'
import { initiativeDecidableBy } from '../foundation/access.server'
import { announce } from '../attention/outbox.server'
import { actorOf, audit } from '../foundation/audit.server'
import { setUserFinanceAccess } from '../foundation/user.server'
import { listKpiChoices } from '../kpi/evidence.server'
import { computeCase, type CaseFigures } from './business-case-finance'
import type { BusinessCaseInput } from './business-case.schema'
import { DomainError } from '~/utils/domain-error'

// Business cases: one row per version; lines and assumptions hang off a version. Only a draft that was
// never submitted is edited in place: once a version was submitted it is immutable (the sponsor's
// decision refers to exactly what they reviewed), so saving or resubmitting after "changes requested",
// approval or rejection starts the next version. A submitted version waits for its sponsor's decision.

type InitiativeRef = { id: string; lead_id: string | null; sponsor_id: string | null }

/**
 * Financial lines are shown to admins, to sponsors, to the lead of this initiative, and to viewers
 * an administrator granted finance access; never to EET members.
 */
export async function financeVisible(db: Executor, user: AuthUser, initiative: InitiativeRef) {
  return (await financeVisibleFor(db, user, [initiative])).get(initiative.id)!
}

/** `financeVisible` for many initiatives: a viewer's finance access is read once. */
export async function financeVisibleFor(db: Executor, user: AuthUser, initiatives: readonly InitiativeRef[]) {
  const viewerAccess =
    user.role === 'viewer' && initiatives.length > 0 ? await hasFinanceAccess(db, user.id) : false
  const visible = (initiative: InitiativeRef) => {
    if (user.role === 'admin') return true
    if (can(user.role, 'finance:read')) return user.role === 'sponsor' || initiative.lead_id === user.id
    return viewerAccess
  }
  return new Map(initiatives.map((initiative) => [initiative.id, visible(initiative)]))
}

export async function hasFinanceAccess(db: Executor, userId: string) {
  const row = await db
    .selectFrom('users')
    .select(sql<boolean>`finance_access`.as('finance_access'))
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.finance_access === true
}

/** Grants or withdraws a viewer's sight of financial lines (for the admin user page). */
export async function setFinanceAccess(db: Database, admin: AuthUser, userId: string, granted: boolean) {
  return db.transaction().execute(async (trx) => {
    if (!(await setUserFinanceAccess(trx, userId, granted))) return false
    await audit(trx, {
      actor: actorOf(admin),
      action: granted ? 'user.finance-access.grant' : 'user.finance-access.revoke',
      entityType: 'user',
      entityId: userId,
    })
    return true
  })
}

export function listCaseVersions(db: Executor, initiativeId: string) {
  return db
    .selectFrom('business_cases as c')
    .leftJoin('users as author', 'author.id', 'c.author_id')
    .leftJoin('users as decider', 'decider.id', 'c.decided_by')
    .select([
      'c.id',
      'c.version',
      'c.status',
      'c.created_at',
      'c.submitted_at',
      'c.decided_at',
      'author.name as author_name',
      'decider.name as decider_name',
    ])
    .where('c.initiative_id', '=', initiativeId)
    .orderBy('c.version', 'desc')
    .execute()
}

/** One version (the latest when `version` is omitted) with its lines and computed figures. */
export async function getCase(db: Executor, initiativeId: string, version?: number) {
  let query = db
    .selectFrom('business_cases as c')
    .leftJoin('users as author', 'author.id', 'c.author_id')
    .leftJoin('users as submitter', 'submitter.id', 'c.submitted_by')
    .leftJoin('users as decider', 'decider.id', 'c.decided_by')
    .selectAll('c')
    .select([
      'author.name as author_name',
      'submitter.name as submitter_name',
      'decider.name as decider_name',
    ])
    .where('c.initiative_id', '=', initiativeId)
    .orderBy('c.version', 'desc')
  if (version !== undefined) query = query.where('c.version', '=', version)
  const businessCase = await query.limit(1).executeTakeFirst()
  if (!businessCase) return null
  const { benefits, costs } = (await caseLinesFor(db, [businessCase.id])).get(businessCase.id)!
  const figures = figuresOf({ ...businessCase, benefits, costs })
  return { ...businessCase, benefits, costs, figures }
}
export type BusinessCase = NonNullable<Awaited<ReturnType<typeof getCase>>>

/** The benefit lines (each with its assumptions) and cost lines of these versions, in position order. */
async function caseLinesFor(db: Executor, caseIds: readonly string[]) {
  const [benefitRows, assumptions, costs] = caseIds.length
    ? await Promise.all([
        db
          .selectFrom('business_case_benefits')
          .selectAll()
          .where('case_id', 'in', caseIds)
          .orderBy('position')
          .execute(),
        db
          .selectFrom('business_case_assumptions as a')
          .innerJoin('business_case_benefits as b', 'b.id', 'a.benefit_id')
          .selectAll('a')
          .where('b.case_id', 'in', caseIds)
          .orderBy('a.position')
          .execute(),
        db
          .selectFrom('business_case_costs')
          .selectAll()
          .where('case_id', 'in', caseIds)
          .orderBy('position')
          .execute(),
      ])
    : [[], [], []]
  const assumptionsOf = groupBy(assumptions, (assumption) => assumption.benefit_id)
  const benefitsOf = groupBy(
    benefitRows.map((benefit) => ({ ...benefit, assumptions: assumptionsOf.get(benefit.id) ?? [] })),
    (benefit) => benefit.case_id,
  )
  const costsOf = groupBy(costs, (cost) => cost.case_id)
  return new Map(
    caseIds.map((id) => [id, { benefits: benefitsOf.get(id) ?? [], costs: costsOf.get(id) ?? [] }]),
  )
}

export function figuresOf(businessCase: {
  discount_rate: number
  horizon_years: number
  benefits: { start_year: number; assumptions: { value: number }[] }[]
  costs: { kind: 'one_off' | 'recurring'; year: number; amount: number }[]
}): CaseFigures {
  return computeCase({
    discountRate: Number(businessCase.discount_rate),
    horizonYears: businessCase.horizon_years,
    benefits: businessCase.benefits.map((b) => ({ startYear: b.start_year, assumptions: b.assumptions })),
    costs: businessCase.costs,
  })
}

/** A version's content with the money left out, for people without finance rights. */
export function withoutFinance(businessCase: BusinessCase) {
  return {
    ...businessCase,
    benefits: businessCase.benefits.map((b) => ({ ...b, assumptions: [] })),
    costs: [],
    figures: null,
    discount_rate: null,
  }
}

export function listCaseComments(db: Executor, caseId: string) {
  return db
    .selectFrom('business_case_comments as c')
    .leftJoin('users as author', 'author.id', 'c.author_id')
    .select(['c.id', 'c.kind', 'c.body', 'c.created_at', 'author.name as author_name'])
    .where('c.case_id', '=', caseId)
    .orderBy('c.created_at')
    .execute()
}

// The KPI area owns these reads; the business-case pages reach them through this module.
export { benefitEvidence, listKpiChoices } from '../kpi/evidence.server'

function caseValues(input: BusinessCaseInput) {
  return {
    context: input.context,
    approach: input.approach,
    customer_value: input.customer_value,
    target_segments: input.target_segments,
    data_systems: input.data_systems,
    // Shifted in decimal (four decimals of a percent are six of the fraction), not divided in binary.
    discount_rate: Number((input.discount_rate_pct / 100).toFixed(6)),
    horizon_years: input.horizon_years,
  }
}

async function writeLines(
  trx: Executor,
  caseId: string,
  input: Pick<BusinessCaseInput, 'benefits' | 'costs'>,
) {
  await trx.deleteFrom('business_case_benefits').where('case_id', '=', caseId).execute()
  await trx.deleteFrom('business_case_costs').where('case_id', '=', caseId).execute()
  for (const [position, benefit] of input.benefits.entries()) {
    const { id } = await trx
      .insertInto('business_case_benefits')
      .values({
        case_id: caseId,
        position,
        name: benefit.name,
        start_year: benefit.start_year,
        kpi_id: benefit.kpi_id ?? null,
        proven_assumption:
          benefit.kpi_id &&
          benefit.proven_assumption !== undefined &&
          benefit.proven_assumption < benefit.assumptions.length
            ? benefit.proven_assumption
            : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (benefit.assumptions.length) {
      await trx
        .insertInto('business_case_assumptions')
        .values(
          benefit.assumptions.map((assumption, index) => ({
            benefit_id: id,
            position: index,
            name: assumption.name,
            unit: assumption.unit,
            value: assumption.value,
            source: assumption.source,
          })),
        )
        .execute()
    }
  }
  if (input.costs.length) {
    await trx
      .insertInto('business_case_costs')
      .values(
        input.costs.map((cost, position) => ({
          case_id: caseId,
          position,
          name: cost.name,
          kind: cost.kind,
          year: cost.year,
          amount: cost.amount,
        })),
      )
      .execute()
  }
}

async function checkKpis(
  trx: Executor,
  initiative: { id: string; program_id: string },
  input: BusinessCaseInput,
) {
  const named = input.benefits.map((b) => b.kpi_id).filter((id): id is string => Boolean(id))
  if (named.length === 0) return
  const allowed = new Set((await listKpiChoices(trx, initiative)).map((kpi) => kpi.id))
  if (named.some((id) => !allowed.has(id)))
    throw new DomainError('accountability.errors.kpi', { status: 409 })
}

/** Statuses from which the lead may change the case (a draft in place, a decided one as a new version). */
const EDITABLE: CaseStatus[] = ['draft', 'changes_requested']

/**
 * Saves the case. Edits a draft in place; after any decision (changes requested included) the change
 * becomes the next version, and the reviewed version stays exactly as it was.
 */
export async function saveCase(
  db: Database,
  user: AuthUser,
  initiative: { id: string; program_id: string },
  input: BusinessCaseInput,
) {
  return db.transaction().execute(async (trx) => {
    await checkKpis(trx, initiative, input)
    const latest = await trx
      .selectFrom('business_cases')
      .select(['id', 'version', 'status'])
      .where('initiative_id', '=', initiative.id)
      .orderBy('version', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst()
    if (latest?.status === 'submitted') throw new DomainError('accountability.errors.locked', { status: 409 })
    let caseId: string
    let version: number
    if (latest?.status === 'draft') {
      caseId = latest.id
      version = latest.version
      await trx
        .updateTable('business_cases')
        .set({ ...caseValues(input), author_id: user.id, updated_at: new Date() })
        .where('id', '=', caseId)
        .execute()
    } else {
      version = (latest?.version ?? 0) + 1
      const created = await trx
        .insertInto('business_cases')
        .values({ ...caseValues(input), initiative_id: initiative.id, version, author_id: user.id })
        .returning('id')
        .executeTakeFirstOrThrow()
      caseId = created.id
    }
    await writeLines(trx, caseId, input)
    await audit(trx, {
      actor: actorOf(user),
      action: latest && caseId === latest.id ? 'business-case.update' : 'business-case.create',
      entityType: 'business_case',
      entityId: caseId,
      after: {
        initiative_id: initiative.id,
        version,
        ...caseValues(input),
        benefits: input.benefits,
        costs: input.costs,
      },
    })
    return { id: caseId, version }
  })
}

export async function submitCase(db: Database, user: AuthUser, initiativeId: string) {
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('business_cases')
      .select(['id', 'version', 'status'])
      .where('initiative_id', '=', initiativeId)
      .orderBy('version', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst()
    if (!latest || !EDITABLE.includes(latest.status))
      throw new DomainError('accountability.errors.notSubmittable', { status: 409 })
    // Resubmitting a version sent back without editing it: the reviewed version keeps its decision,
    // and an identical copy becomes the next version, the one now under review.
    const submitted =
      latest.status === 'draft'
        ? latest
        : await copyAsNextVersion(trx, latest.id, latest.version + 1, user.id)
    await trx
      .updateTable('business_cases')
      .set({ status: 'submitted', submitted_by: user.id, submitted_at: new Date(), updated_at: new Date() })
      .where('id', '=', submitted.id)
      .execute()
    await trx
      .insertInto('business_case_comments')
      .values({ case_id: submitted.id, author_id: user.id, kind: 'submitted' })
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'business-case.submit',
      entityType: 'business_case',
      entityId: submitted.id,
      before: { status: latest.status, version: latest.version },
      after: { status: 'submitted', version: submitted.version },
    })
    await announce(trx, [`case.submitted:${submitted.id}`], { groups: ['accountability'] })
    return { ...submitted, status: 'submitted' as const }
  })
}

/** Copies a version's content and lines into a new draft version (none of its review state). */
async function copyAsNextVersion(trx: Executor, caseId: string, version: number, authorId: string) {
  const source = await trx
    .selectFrom('business_cases')
    .selectAll()
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
  const { id } = await trx
    .insertInto('business_cases')
    .values({
      initiative_id: source.initiative_id,
      version,
      context: source.context,
      approach: source.approach,
      customer_value: source.customer_value,
      target_segments: source.target_segments,
      data_systems: source.data_systems,
      discount_rate: source.discount_rate,
      horizon_years: source.horizon_years,
      author_id: authorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { benefits, costs } = (await caseLinesFor(trx, [caseId])).get(caseId)!
  await writeLines(trx, id, {
    benefits: benefits.map((benefit) => ({
      name: benefit.name,
      start_year: benefit.start_year,
      kpi_id: benefit.kpi_id ?? undefined,
      proven_assumption: benefit.proven_assumption ?? undefined,
      assumptions: benefit.assumptions.map(({ name, unit, value, source }) => ({
        name,
        unit,
        value,
        source,
      })),
    })),
    costs: costs.map(({ name, kind, year, amount }) => ({ name, kind, year, amount })),
  })
  return { id, version, status: 'draft' as CaseStatus }
}

/** May this user decide cases of this initiative at all (before looking at who wrote it)? */
export function isDecider(user: AuthUser, initiative: InitiativeRef) {
  if (!can(user.role, 'business-case:decide')) return false
  return user.role === 'admin' || initiative.sponsor_id === user.id
}

export async function decideCase(
  db: Database,
  user: AuthUser,
  initiative: InitiativeRef,
  decision: 'approved' | 'changes_requested' | 'rejected',
  comment: string,
) {
  if (!isDecider(user, initiative)) throw new DomainError('accountability.errors.notSponsor', { status: 409 })
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom('business_cases')
      .select(['id', 'version', 'status', 'author_id', 'submitted_by'])
      .where('initiative_id', '=', initiative.id)
      .orderBy('version', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst()
    if (!latest || latest.status !== 'submitted')
      throw new DomainError('accountability.errors.notPending', { status: 409 })
    if (latest.author_id === user.id || latest.submitted_by === user.id)
      throw new DomainError('accountability.errors.ownCase', { status: 409 })
    await trx
      .updateTable('business_cases')
      .set({ status: decision, decided_by: user.id, decided_at: new Date(), updated_at: new Date() })
      .where('id', '=', latest.id)
      .execute()
    await trx
      .insertInto('business_case_comments')
      .values({ case_id: latest.id, author_id: user.id, kind: decision, body: comment })
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: `business-case.${decision === 'approved' ? 'approve' : decision === 'rejected' ? 'reject' : 'request-changes'}`,
      entityType: 'business_case',
      entityId: latest.id,
      before: { status: 'submitted' },
      after: { status: decision, version: latest.version, comment },
    })
    const told = decision === 'changes_requested' ? 'case.changes_requested' : 'case.decided'
    await announce(trx, [`${told}:${latest.id}`], {
      groups: ['accountability'],
      programWide: decision === 'approved',
    })
    return latest
  })
}

export async function commentOnCase(db: Database, user: AuthUser, caseId: string, body: string) {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('business_case_comments')
      .values({ case_id: caseId, author_id: user.id, kind: 'comment', body })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor: actorOf(user),
      action: 'business-case.comment',
      entityType: 'business_case',
      entityId: caseId,
      after: { comment_id: id, body },
    })
  })
}

/** The approved planned value of an initiative (its latest approved version), for the sponsor's view. */
export async function approvedCaseValue(db: Executor, initiativeId: string) {
  return (await approvedCaseValueFor(db, [initiativeId])).get(initiativeId) ?? null
}

/** `approvedCaseValue` of many initiatives (null where none is approved); every id gets an entry. */
export async function approvedCaseValueFor(db: Executor, initiativeIds: readonly string[]) {
  const approved = initiativeIds.length
    ? await db
        .selectFrom('business_cases')
        .select(['id', 'initiative_id', 'version', 'decided_at', 'horizon_years', 'discount_rate'])
        .distinctOn('initiative_id')
        .where('initiative_id', 'in', initiativeIds)
        .where('status', '=', 'approved')
        .orderBy('initiative_id')
        .orderBy('version', 'desc')
        .execute()
    : []
  const lines = await caseLinesFor(
    db,
    approved.map((businessCase) => businessCase.id),
  )
  const valueOf = new Map(
    approved.map((businessCase) => {
      const figures = figuresOf({ ...businessCase, ...lines.get(businessCase.id)! })
      return [
        businessCase.initiative_id,
        {
          version: businessCase.version,
          decidedAt: businessCase.decided_at,
          horizonYears: businessCase.horizon_years,
          discountRate: Number(businessCase.discount_rate),
          valueByYear: figures.years.map((y) => ({
            year: y.year,
            benefits: y.benefits,
            costs: y.costs,
            net: y.net,
          })),
          totalBenefits: figures.totalBenefits,
          totalCosts: figures.totalCosts,
          npv: figures.npv,
          roi: figures.roi,
          paybackMonth: figures.paybackMonth,
          irr: figures.irr,
          benefits: lines.get(businessCase.id)!.benefits,
        },
      ]
    }),
  )
  return new Map(initiativeIds.map((id) => [id, valueOf.get(id) ?? null]))
}
export type ApprovedCaseValue = NonNullable<Awaited<ReturnType<typeof approvedCaseValue>>>

/** Business cases and stage gates awaiting this user's decision (the initiatives they sponsor; all for admins). */
export async function pendingDecisions(db: Executor, user: AuthUser) {
  if (!can(user.role, 'business-case:decide') && !can(user.role, 'gate:decide'))
    return { cases: [], gates: [] }
  const [cases, gates] = await Promise.all([
    db
      .selectFrom('business_cases as c')
      .innerJoin('initiatives', 'initiatives.id', 'c.initiative_id')
      .select([
        'c.id',
        'c.version',
        'c.submitted_at',
        'initiatives.id as initiative_id',
        'initiatives.name as initiative_name',
      ])
      .where('c.status', '=', 'submitted')
      .where('initiatives.archived_at', 'is', null)
      .where(initiativeDecidableBy(user))
      .where((eb) => eb.or([eb('c.author_id', 'is', null), eb('c.author_id', '!=', user.id)]))
      .where((eb) => eb.or([eb('c.submitted_by', 'is', null), eb('c.submitted_by', '!=', user.id)]))
      .orderBy('c.submitted_at')
      .execute(),
    db
      .selectFrom('stage_gates as g')
      .innerJoin('initiatives', 'initiatives.id', 'g.initiative_id')
      .select([
        'g.id',
        'g.from_stage',
        'g.to_stage',
        'g.requested_at',
        'initiatives.id as initiative_id',
        'initiatives.name as initiative_name',
      ])
      .where('g.status', '=', 'pending')
      .where('initiatives.archived_at', 'is', null)
      .where(initiativeDecidableBy(user))
      .orderBy('g.requested_at')
      .execute(),
  ])
  return { cases, gates }
}

/** The KPIs named by the benefit lines of every approved version of these initiatives' cases. */
export function approvedBenefitKpisFor(db: Executor, initiativeIds: readonly string[]) {
  return db
    .selectFrom('business_case_benefits as b')
    .innerJoin('business_cases as c', 'c.id', 'b.case_id')
    .select(['c.initiative_id', 'c.version', 'b.kpi_id'])
    .where('c.initiative_id', 'in', initiativeIds)
    .where('c.status', '=', 'approved')
    .where('b.kpi_id', 'is not', null)
    .execute()
}
