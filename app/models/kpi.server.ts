import { sql, type ExpressionBuilder } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import type { Executor } from '~/utils/db.server'
import type { DB } from '~/utils/db.types'
import type { KpiInput } from './kpi.schema'
import { initiativeEditableBy, initiativeVisibleTo } from './access.server'
import { actorOf, audit } from './audit.server'
import { currentStatus, rollUp, type KpiStatus, type TargetPoint } from './kpi-status'
import { todayIso } from './kpi-period'

// KPIs and their trees. A KPI is visible when it is program-level or its initiative is visible; it is
// editable (and measurable) by admins and by the lead of its initiative (kpi:edit / kpi:measure).

type KpiScope = ExpressionBuilder<DB, 'kpis' | 'initiatives'>

export function kpiVisibleTo(user: AuthUser) {
  return (eb: KpiScope) =>
    eb.or([eb('kpis.initiative_id', 'is', null), initiativeVisibleTo(user)(eb as never)])
}

export function kpiEditableBy(user: AuthUser) {
  return (eb: KpiScope) => {
    if (!can(user.role, 'kpi:edit')) return sql<boolean>`false`
    if (can(user.role, 'initiative:edit-any')) return sql<boolean>`true`
    return eb.and([eb('kpis.initiative_id', 'is not', null), initiativeEditableBy(user)(eb as never)])
  }
}

const KPI_COLUMNS = [
  'kpis.id',
  'kpis.program_id',
  'kpis.initiative_id',
  'kpis.parent_id',
  'kpis.key',
  'kpis.name_en',
  'kpis.name_zh_tw',
  'kpis.description',
  'kpis.kind',
  'kpis.category',
  'kpis.unit',
  'kpis.direction',
  'kpis.cadence',
  'kpis.owner_id',
  'kpis.baseline_value',
  'kpis.baseline_date',
  'kpis.tolerance_pct',
  'kpis.rollup',
  'kpis.rollup_weight',
  'kpis.grace_days',
  'kpis.last_period_end',
  'kpis.last_value',
] as const

function kpiQuery(db: Executor, user: AuthUser) {
  return db
    .selectFrom('kpis')
    .leftJoin('initiatives', 'initiatives.id', 'kpis.initiative_id')
    .leftJoin('users as owner', 'owner.id', 'kpis.owner_id')
    .select(KPI_COLUMNS)
    .select(['initiatives.name as initiative_name', 'owner.name as owner_name'])
    .select((eb) => sql<boolean>`coalesce(${kpiEditableBy(user)(eb)}, false)`.as('can_edit'))
    .where(kpiVisibleTo(user))
    .where('kpis.archived_at', 'is', null)
}

type KpiBaseRow = Awaited<ReturnType<ReturnType<typeof kpiQuery>['execute']>>[number]
export type KpiRow = KpiBaseRow & { targets: TargetPoint[] }

/**
 * Adds each KPI's period targets. One query for all (a correlated subquery per KPI is ~100× slower
 * for a whole program); by program when given, so a 2,000-KPI program sends no 2,000-id list.
 */
async function withTargets(db: Executor, kpis: KpiBaseRow[], programId?: string): Promise<KpiRow[]> {
  if (!kpis.length) return []
  let query = db
    .selectFrom('kpi_targets')
    .select(['kpi_targets.kpi_id', 'kpi_targets.period_end', 'kpi_targets.value'])
  query = programId
    ? query.innerJoin('kpis', 'kpis.id', 'kpi_targets.kpi_id').where('kpis.program_id', '=', programId)
    : query.where(
        'kpi_targets.kpi_id',
        'in',
        kpis.map((kpi) => kpi.id),
      )
  const byKpi = new Map<string, TargetPoint[]>()
  // Sorted per KPI below: the database need not sort a whole program's targets.
  for (const row of await query.execute()) {
    const list = byKpi.get(row.kpi_id)
    const point = { period_end: row.period_end, value: row.value }
    if (list) list.push(point)
    else byKpi.set(row.kpi_id, [point])
  }
  for (const list of byKpi.values()) list.sort((a, b) => a.period_end.localeCompare(b.period_end))
  return kpis.map((kpi) => ({ ...kpi, targets: byKpi.get(kpi.id) ?? [] }))
}
export type KpiWithStatus = KpiRow & {
  status: KpiStatus
  /** The newest value: measured, or rolled up from the children. */
  latest: { period_end: string; value: number } | null
}

/** One visible KPI with whether the user may edit and measure it. */
export async function getKpi(db: Executor, user: AuthUser, id: string) {
  const kpi = await kpiQuery(db, user).where('kpis.id', '=', id).executeTakeFirst()
  return kpi ? (await withTargets(db, [kpi]))[0]! : null
}

export async function listTargets(db: Executor, kpiIds: readonly string[]) {
  if (!kpiIds.length) return new Map<string, TargetPoint[]>()
  const rows = await db
    .selectFrom('kpi_targets')
    .select(['kpi_id', 'period_end', 'value'])
    .where('kpi_id', 'in', kpiIds)
    .orderBy('kpi_id')
    .orderBy('period_end')
    .execute()
  const byKpi = new Map<string, TargetPoint[]>()
  for (const row of rows) {
    const list = byKpi.get(row.kpi_id) ?? []
    list.push({ period_end: row.period_end, value: row.value })
    byKpi.set(row.kpi_id, list)
  }
  return byKpi
}

/**
 * Latest values and statuses for a set of KPIs. A rolled-up parent takes its children's latest values,
 * combined as configured, dated by the oldest of them (so one late child makes the parent stale).
 */
export function withStatuses(kpis: readonly KpiRow[], today = todayIso()): KpiWithStatus[] {
  const children = new Map<string, KpiRow[]>()
  for (const kpi of kpis) {
    if (!kpi.parent_id) continue
    children.set(kpi.parent_id, [...(children.get(kpi.parent_id) ?? []), kpi])
  }
  const latest = new Map<string, KpiWithStatus['latest']>()
  const resolve = (kpi: KpiRow, depth = 0): KpiWithStatus['latest'] => {
    if (latest.has(kpi.id)) return latest.get(kpi.id)!
    let value: KpiWithStatus['latest'] = null
    const kids = children.get(kpi.id) ?? []
    if (kpi.rollup !== 'none' && kids.length && depth < 20) {
      const parts = kids.map((kid) => ({ kid, latest: resolve(kid, depth + 1) }))
      const measured = parts.filter((part) => part.latest !== null)
      const rolled = rollUp(
        kpi.rollup,
        measured.map((part) => ({ value: part.latest!.value, weight: part.kid.rollup_weight })),
      )
      if (rolled !== null && measured.length === parts.length) {
        const oldest = measured.map((part) => part.latest!.period_end).sort()[0]!
        value = { period_end: oldest, value: rolled }
      }
    } else if (kpi.last_period_end && kpi.last_value !== null) {
      value = { period_end: kpi.last_period_end, value: kpi.last_value }
    }
    latest.set(kpi.id, value)
    return value
  }
  return kpis.map((kpi) => {
    const value = resolve(kpi)
    return { ...kpi, latest: value, status: currentStatus(kpi, value, kpi.targets, today) }
  })
}

export type ProgramKpiFilter = {
  initiativeId?: string | 'program'
  kind?: string
  category?: string
  status?: KpiStatus
}

/** All visible KPIs of a program with their statuses (after roll-up). */
export async function listProgramKpis(db: Executor, user: AuthUser, programId: string) {
  const kpis = await kpiQuery(db, user)
    .where('kpis.program_id', '=', programId)
    .orderBy('initiatives.name', (ob) => ob.nullsFirst())
    .orderBy('kpis.key')
    .execute()
  return withStatuses(await withTargets(db, kpis, programId))
}

export function filterKpis<T extends KpiWithStatus>(kpis: readonly T[], filter: ProgramKpiFilter) {
  return kpis.filter(
    (kpi) =>
      (!filter.initiativeId ||
        (filter.initiativeId === 'program'
          ? kpi.initiative_id === null
          : kpi.initiative_id === filter.initiativeId)) &&
      (!filter.kind || kpi.kind === filter.kind) &&
      (!filter.category || kpi.category === filter.category) &&
      (!filter.status || kpi.status === filter.status),
  )
}

/** Arranges KPIs (with statuses) as trees, with a sparkline of each KPI's newest values. */
export async function buildTree(db: Executor, kpis: readonly KpiWithStatus[]) {
  const sparklines = await recentValues(
    db,
    kpis.filter((kpi) => kpi.rollup === 'none').map((kpi) => kpi.id),
    30,
  )
  const nodes = new Map<string, KpiTreeNode>(
    kpis.map((kpi) => [kpi.id, { ...kpi, sparkline: sparklines.get(kpi.id) ?? [], children: [] }]),
  )
  const roots: KpiTreeNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parent_id ? nodes.get(node.parent_id) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

export type KpiTreeNode = KpiWithStatus & { sparkline: number[]; children: KpiTreeNode[] }

/** The tree of one initiative (or the program-level tree when initiativeId is null), with sparklines. */
export async function getKpiTree(
  db: Executor,
  user: AuthUser,
  scope: { programId: string; initiativeId: string | null },
) {
  let query = kpiQuery(db, user).where('kpis.program_id', '=', scope.programId).orderBy('kpis.key')
  query =
    scope.initiativeId === null
      ? query.where('kpis.initiative_id', 'is', null)
      : query.where('kpis.initiative_id', '=', scope.initiativeId)
  return buildTree(db, withStatuses(await withTargets(db, await query.execute())))
}

/** The newest `count` values of each KPI, oldest first: one index range scan per KPI. */
export async function recentValues(db: Executor, kpiIds: readonly string[], count: number) {
  const result = new Map<string, number[]>()
  if (!kpiIds.length) return result
  const rows = await sql<{ kpi_id: string; value: number }>`
    select k.id as kpi_id, m.value
    from unnest(${sql.val(kpiIds)}::uuid[]) as k(id)
    cross join lateral (
      select period_end, value from kpi_measurements
      where kpi_id = k.id order by period_end desc limit ${count}
    ) m
    order by k.id, m.period_end`.execute(db)
  for (const row of rows.rows) {
    const list = result.get(row.kpi_id) ?? []
    list.push(Number(row.value))
    result.set(row.kpi_id, list)
  }
  return result
}

/** The newest measured value of a KPI, or null. For other areas (e.g. business case actuals). */
export async function latestKpiValue(db: Executor, kpiId: string) {
  const row = await db
    .selectFrom('kpi_measurements')
    .select(['period_end', 'value', 'recorded_at'])
    .where('kpi_id', '=', kpiId)
    .orderBy('period_end', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ?? null
}

/** Measured values of a KPI with from ≤ period_end ≤ to (ISO dates), oldest first. */
export function kpiValuesBetween(db: Executor, kpiId: string, from: string, to: string) {
  return db
    .selectFrom('kpi_measurements')
    .select(['period_end', 'value'])
    .where('kpi_id', '=', kpiId)
    .where('period_end', '>=', from)
    .where('period_end', '<=', to)
    .orderBy('period_end')
    .execute()
}

/** Candidates for parent (same program and initiative, not the KPI itself) and owner. */
export async function kpiFormOptions(
  db: Executor,
  user: AuthUser,
  scope: { programId: string; initiativeId: string | null; exceptId?: string },
) {
  let parents = kpiQuery(db, user).where('kpis.program_id', '=', scope.programId).orderBy('kpis.key')
  parents =
    scope.initiativeId === null
      ? parents.where('kpis.initiative_id', 'is', null)
      : parents.where('kpis.initiative_id', '=', scope.initiativeId)
  if (scope.exceptId) parents = parents.where('kpis.id', '<>', scope.exceptId)
  const [parentRows, owners] = await Promise.all([
    parents.execute(),
    db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('disabled_at', 'is', null)
      .where('role', 'in', ['admin', 'lead', 'sponsor'])
      .orderBy('name')
      .execute(),
  ])
  return {
    parents: parentRows.map((kpi) => ({
      id: kpi.id,
      key: kpi.key,
      name_en: kpi.name_en,
      name_zh_tw: kpi.name_zh_tw,
    })),
    owners,
  }
}

export class KpiInputError extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: 'kpi.errors.keyTaken' | 'kpi.errors.parent' | 'kpi.errors.parentCycle',
  ) {
    super(messageKey)
  }
}

async function checkParent(
  db: Executor,
  programId: string,
  initiativeId: string | null,
  parentId: string | undefined,
  selfId?: string,
) {
  if (!parentId) return
  const parent = await db
    .selectFrom('kpis')
    .select(['id', 'program_id', 'initiative_id'])
    .where('id', '=', parentId)
    .where('archived_at', 'is', null)
    .executeTakeFirst()
  if (!parent || parent.program_id !== programId || parent.initiative_id !== initiativeId)
    throw new KpiInputError('parent_id', 'kpi.errors.parent')
  if (!selfId) return
  // Walk up from the new parent: meeting the KPI itself would close a cycle.
  let cursor: string | null = parentId
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === selfId) throw new KpiInputError('parent_id', 'kpi.errors.parentCycle')
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom('kpis')
      .select('parent_id')
      .where('id', '=', cursor)
      .executeTakeFirst()
    cursor = row?.parent_id ?? null
  }
}

function kpiValues(input: KpiInput) {
  return {
    key: input.key,
    name_en: input.name_en,
    name_zh_tw: input.name_zh_tw,
    description: input.description,
    kind: input.kind,
    category: input.category,
    unit: input.unit,
    direction: input.direction,
    cadence: input.cadence,
    owner_id: input.owner_id ?? null,
    parent_id: input.parent_id ?? null,
    baseline_value: input.baseline_value ?? null,
    baseline_date: input.baseline_date ?? null,
    tolerance_pct: input.tolerance_pct,
    rollup: input.rollup,
    rollup_weight: input.rollup_weight,
    grace_days: input.grace_days,
  }
}

async function keyTaken(db: Executor, programId: string, key: string, exceptId?: string) {
  let query = db.selectFrom('kpis').select('id').where('program_id', '=', programId).where('key', '=', key)
  if (exceptId) query = query.where('id', '<>', exceptId)
  return Boolean(await query.executeTakeFirst())
}

async function replaceTargets(trx: Executor, kpiId: string, targets: KpiInput['targets']) {
  await trx.deleteFrom('kpi_targets').where('kpi_id', '=', kpiId).execute()
  if (targets.length)
    await trx
      .insertInto('kpi_targets')
      .values(
        targets.map((target) => ({ kpi_id: kpiId, period_end: target.period_end, value: target.value })),
      )
      .execute()
}

/** Creates a KPI in a program (initiativeId null: program-level). The caller has checked the right to. */
export async function createKpi(
  db: Executor,
  user: AuthUser,
  scope: { programId: string; initiativeId: string | null },
  input: KpiInput,
) {
  return db.transaction().execute(async (trx) => {
    if (await keyTaken(trx, scope.programId, input.key)) throw new KpiInputError('key', 'kpi.errors.keyTaken')
    await checkParent(trx, scope.programId, scope.initiativeId, input.parent_id)
    const created = await trx
      .insertInto('kpis')
      .values({
        ...kpiValues(input),
        program_id: scope.programId,
        initiative_id: scope.initiativeId,
        created_by: user.id,
      })
      .returning(['id', 'key'])
      .executeTakeFirstOrThrow()
    await replaceTargets(trx, created.id, input.targets)
    await audit(trx, {
      actor: actorOf(user),
      action: 'kpi.create',
      entityType: 'kpi',
      entityId: created.id,
      after: { ...kpiValues(input), targets: input.targets },
    })
    return created
  })
}

export async function updateKpi(db: Executor, user: AuthUser, kpi: KpiRow, input: KpiInput) {
  return db.transaction().execute(async (trx) => {
    if (await keyTaken(trx, kpi.program_id, input.key, kpi.id))
      throw new KpiInputError('key', 'kpi.errors.keyTaken')
    await checkParent(trx, kpi.program_id, kpi.initiative_id, input.parent_id, kpi.id)
    const before = await trx
      .selectFrom('kpis')
      .selectAll()
      .where('id', '=', kpi.id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const beforeTargets = await listTargets(trx, [kpi.id])
    await trx
      .updateTable('kpis')
      .set({ ...kpiValues(input), updated_at: new Date() })
      .where('id', '=', kpi.id)
      .execute()
    await replaceTargets(trx, kpi.id, input.targets)
    await audit(trx, {
      actor: actorOf(user),
      action: 'kpi.update',
      entityType: 'kpi',
      entityId: kpi.id,
      before: { ...before, targets: beforeTargets.get(kpi.id) ?? [] },
      after: { ...kpiValues(input), targets: input.targets },
    })
  })
}

/** Lagging KPIs a leading KPI may drive: in its own initiative, or program-level ones. */
export function listLaggingKpis(
  db: Executor,
  user: AuthUser,
  leading: Pick<KpiRow, 'program_id' | 'initiative_id'>,
) {
  return db
    .selectFrom('kpis')
    .leftJoin('initiatives', 'initiatives.id', 'kpis.initiative_id')
    .select(['kpis.id', 'kpis.key', 'kpis.name_en', 'kpis.name_zh_tw'])
    .where(kpiVisibleTo(user))
    .where('kpis.program_id', '=', leading.program_id)
    .where((eb) =>
      leading.initiative_id === null
        ? eb('kpis.initiative_id', 'is', null)
        : eb.or([eb('kpis.initiative_id', 'is', null), eb('kpis.initiative_id', '=', leading.initiative_id)]),
    )
    .where('kpis.kind', '=', 'lagging')
    .where('kpis.archived_at', 'is', null)
    .orderBy('kpis.key')
    .execute()
}
