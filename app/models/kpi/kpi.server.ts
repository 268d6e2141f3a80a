import { sql, type ExpressionBuilder } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import type { Executor } from '~/utils/db.server'
import type { DB } from '~/utils/db.types'
import type { KpiCategory, KpiKind } from '~/models/kpi/tables'
import type { KpiInput, KpiListSort } from './kpi.schema'
import { initiativeEditableBy, initiativeVisibleTo } from '../foundation/access.server'
import { actorOf, audit } from '../foundation/audit.server'
import { ensureKpiStates } from './state.server'
import { KPI_STATUSES, type KpiStatus, type TargetPoint } from './status'
import { todayUtc } from '~/utils/calendar'
import { containsPattern } from '~/utils/list-query'
import { DomainError } from '~/utils/domain-error'

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
  'kpis.min_value',
  'kpis.max_value',
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
  'kpis.state_period_end',
  'kpis.state_value',
] as const

/**
 * Today's status from the stored state (app/models/kpi/state.server.ts), in SQL so that lists filter,
 * count and page by it. Staleness wins: an old value says nothing now.
 */
function statusSql(today: string) {
  return sql<KpiStatus>`case when kpis.state_stale_after < ${today}::date then 'stale'
    else coalesce(kpis.state_status, 'no_data') end`
}

function kpiQuery(db: Executor, user: AuthUser, today = todayUtc()) {
  return db
    .selectFrom('kpis')
    .leftJoin('initiatives', 'initiatives.id', 'kpis.initiative_id')
    .leftJoin('users as owner', 'owner.id', 'kpis.owner_id')
    .select(KPI_COLUMNS)
    .select(['initiatives.name as initiative_name', 'owner.name as owner_name'])
    .select((eb) => sql<boolean>`coalesce(${kpiEditableBy(user)(eb)}, false)`.as('can_edit'))
    .select(statusSql(today).as('status'))
    .where(kpiVisibleTo(user))
    .where('kpis.archived_at', 'is', null)
}

type KpiBaseRow = Awaited<ReturnType<ReturnType<typeof kpiQuery>['execute']>>[number]

/** The stored newest value (measured, or rolled up from the children) as one field. */
function withLatest({ state_period_end, state_value, ...kpi }: KpiBaseRow) {
  return {
    ...kpi,
    latest:
      state_period_end !== null && state_value !== null
        ? { period_end: state_period_end, value: state_value }
        : null,
  }
}
export type KpiWithStatus = ReturnType<typeof withLatest>
export type KpiRow = KpiWithStatus & { targets: TargetPoint[] }

/** One visible KPI with its targets and whether the user may edit and measure it. */
export async function getKpi(db: Executor, user: AuthUser, id: string) {
  const scope = await db
    .selectFrom('kpis')
    .select(['program_id', 'initiative_id'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!scope) return null
  await ensureKpiStates(db, { programId: scope.program_id, initiativeId: scope.initiative_id })
  const kpi = await kpiQuery(db, user).where('kpis.id', '=', id).executeTakeFirst()
  if (!kpi) return null
  const targets = await listTargets(db, [kpi.id])
  return { ...withLatest(kpi), targets: targets.get(kpi.id) ?? [] } satisfies KpiRow
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

export type ProgramKpiFilter = {
  initiativeId?: string | 'program'
  kind?: KpiKind
  category?: KpiCategory
  status?: KpiStatus
  /** Free text: a substring of either name, the key or the initiative's name (case-insensitive). */
  q?: string
  sort?: KpiListSort
  dir?: 'asc' | 'desc'
  /** Which name the `name` sort orders by: the one the reader sees. */
  locale?: 'en' | 'zh-TW'
}

/** All visible KPIs of a program with their statuses (after roll-up). */
export async function listProgramKpis(db: Executor, user: AuthUser, programId: string) {
  await ensureKpiStates(db, { programId })
  const kpis = await kpiQuery(db, user)
    .where('kpis.program_id', '=', programId)
    .orderBy('initiatives.name', (ob) => ob.nullsFirst())
    .orderBy('kpis.key')
    .execute()
  return kpis.map(withLatest)
}

/**
 * One page of a program's visible KPIs that match the filter, and how many match in all; filtered,
 * sorted and paged in SQL (a program can hold thousands). `page.size` null answers every match.
 */
export async function listProgramKpiPage(
  db: Executor,
  user: AuthUser,
  programId: string,
  filter: ProgramKpiFilter,
  page: { number: number; size: number | null },
) {
  await ensureKpiStates(db, { programId })
  const today = todayUtc()
  let query = kpiQuery(db, user, today).where('kpis.program_id', '=', programId)
  if (filter.initiativeId)
    query =
      filter.initiativeId === 'program'
        ? query.where('kpis.initiative_id', 'is', null)
        : query.where('kpis.initiative_id', '=', filter.initiativeId)
  if (filter.kind) query = query.where('kpis.kind', '=', filter.kind)
  if (filter.category) query = query.where('kpis.category', '=', filter.category)
  if (filter.status) query = query.where(statusSql(today), '=', filter.status)
  if (filter.q) {
    const pattern = containsPattern(filter.q)
    query = query.where((eb) =>
      eb.or([
        eb('kpis.name_en', 'ilike', pattern),
        eb('kpis.name_zh_tw', 'ilike', pattern),
        eb('kpis.key', 'ilike', pattern),
        eb('initiatives.name', 'ilike', pattern),
      ]),
    )
  }
  const dir = filter.dir === 'desc' ? 'desc' : 'asc'
  const sortKey = filter.sort ?? 'initiative'
  const sortColumn = {
    name: filter.locale === 'zh-TW' ? sql`kpis.name_zh_tw` : sql`kpis.name_en`,
    initiative: sql`initiatives.name`,
    kind: sql`kpis.kind`,
    category: sql`kpis.category`,
    latest: sql`kpis.state_value`,
    period: sql`kpis.state_period_end`,
    // In the order the status filter lists them (worst first), not by code.
    status: sql`array_position(${sql.val([...KPI_STATUSES])}::text[], ${statusSql(today)}::text)`,
  }[sortKey]
  const size = page.size
  const pageOf = (number: number) => {
    // Blanks last in either direction, as the in-memory lists do, except that program-level KPIs (no
    // initiative) head the list by initiative, its default order.
    const blanks = sortKey === 'initiative' && dir === 'asc' ? sql`nulls first` : sql`nulls last`
    let ordered = query
      .select(sql<number>`count(*) over ()`.as('matching'))
      .orderBy(sql`${sortColumn} ${sql.raw(dir)} ${blanks}`)
      .orderBy('kpis.key')
    if (size !== null) ordered = ordered.limit(size).offset((number - 1) * size)
    return ordered.execute()
  }
  let shown = size === null ? 1 : page.number
  let rows = await pageOf(shown)
  if (!rows.length && shown > 1 && size !== null) {
    // Past the last page (the filter narrowed): show the last one.
    const { n } = await query
      .clearSelect()
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow()
    shown = Math.max(1, Math.ceil(Number(n) / size))
    if (Number(n)) rows = await pageOf(shown)
  }
  const total = Number(rows[0]?.matching ?? 0)
  return {
    kpis: rows.map(({ matching: _matching, ...kpi }) => withLatest(kpi)),
    total,
    page: shown,
    pages: size === null ? 1 : Math.max(1, Math.ceil(total / size)),
  }
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
  await ensureKpiStates(db, scope)
  return buildTree(db, (await query.execute()).map(withLatest))
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
    throw new DomainError('kpi.errors.parent', { field: 'parent_id' })
  if (!selfId) return
  // Walk up from the new parent: meeting the KPI itself would close a cycle.
  let cursor: string | null = parentId
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === selfId) throw new DomainError('kpi.errors.parentCycle', { field: 'parent_id' })
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
    min_value: input.min_value ?? null,
    max_value: input.max_value ?? null,
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
    if (await keyTaken(trx, scope.programId, input.key))
      throw new DomainError('kpi.errors.keyTaken', { field: 'key' })
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
      throw new DomainError('kpi.errors.keyTaken', { field: 'key' })
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
