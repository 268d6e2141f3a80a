import type { Transaction } from 'kysely'
import { nextPeriodEnd, periodEndOf } from '~/models/kpi/period'
import { addDays, todayUtc } from '~/utils/calendar'
import { recordMeasurementsIn, type MeasurementItem } from '~/models/kpi/measurement.server'
import type { KpiCadence, KpiCategory, KpiDirection, KpiKind, KpiRollup } from '~/models/kpi/tables'
import type { DB } from '~/utils/db.types'
import type { DemoContext } from './demo'

// KPI trees for the demo, drawn from the article: the Daily Recommender's adoption (leading) and the
// customers it wins (lagging: one in three recommendations became a qualified opportunity), reps' time
// with customers (+40 %), dealers' remote-support services, microlearning and the patient support
// launch. Values are deterministic and dated relative to today, so statuses look alive on any day:
// "new customers contacted" leads "new customers won" by three weeks (the link is supported), the
// dealer KPI is stale, one microlearning KPI has no data yet.

type KpiSpec = {
  key: string
  en: string
  zh: string
  kind: KpiKind
  category: KpiCategory
  unit: string
  direction?: KpiDirection
  cadence: KpiCadence
  rollup?: KpiRollup
  parent?: string
  baseline?: number
  targets?: [periodsFromStart: number, value: number][]
  tolerance?: number
  owner?: string
}

function random(seed: number) {
  // mulberry32: a small deterministic generator, so the demo is the same on every load.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The last `count` completed period ends of a cadence, oldest first. */
function periodEnds(cadence: KpiCadence, count: number, skipRecent = 0) {
  let end = periodEndOf(todayUtc(), cadence)
  // The current period has not ended: step back to the last complete one.
  const ends: string[] = []
  for (let i = 0; i < count + skipRecent + 1; i++) {
    ends.unshift(end)
    end =
      cadence === 'monthly'
        ? periodEndOf(addDays(end.slice(0, 8) + '01', -1), 'monthly')
        : addDays(end, cadence === 'weekly' ? -7 : -1)
  }
  return ends.slice(0, count)
}

const TREES: Record<string, KpiSpec[]> = {
  'Daily Recommender': [
    {
      key: 'rec-weekly-active-reps',
      en: 'Reps using the recommender weekly',
      zh: '每週使用推薦工具的業務代表',
      kind: 'leading',
      category: 'adoption',
      unit: '%',
      cadence: 'weekly',
      baseline: 12,
      targets: [
        [20, 55],
        [40, 80],
      ],
      owner: 'lead@tenfold.demo',
    },
    {
      key: 'rec-acceptance-rate',
      en: 'Recommendations accepted',
      zh: '被接受的推薦比例',
      kind: 'leading',
      category: 'user_value',
      unit: '%',
      cadence: 'weekly',
      parent: 'rec-weekly-active-reps',
      baseline: 20,
      targets: [[40, 45]],
    },
    {
      key: 'new-customers-contacted',
      en: 'New customers contacted',
      zh: '接觸到的新顧客人數',
      kind: 'leading',
      category: 'customer_value',
      unit: 'customers',
      cadence: 'weekly',
      baseline: 40,
      targets: [[40, 90]],
      owner: 'lead@tenfold.demo',
    },
    {
      key: 'new-customers-won',
      en: 'New customers won',
      zh: '爭取到的新顧客人數',
      kind: 'lagging',
      category: 'customer_value',
      unit: 'customers',
      cadence: 'weekly',
      baseline: 6,
      targets: [[40, 16]],
      owner: 'lead@tenfold.demo',
    },
    {
      key: 'qualified-opportunities',
      en: 'Qualified opportunities from recommendations',
      zh: '推薦帶來的合格銷售機會',
      kind: 'lagging',
      category: 'financial',
      unit: 'opportunities',
      cadence: 'weekly',
      rollup: 'sum',
      targets: [[40, 120]],
    },
    {
      key: 'qualified-opportunities-north',
      en: 'Qualified opportunities: North',
      zh: '合格銷售機會:北區',
      kind: 'lagging',
      category: 'financial',
      unit: 'opportunities',
      cadence: 'weekly',
      parent: 'qualified-opportunities',
      targets: [[40, 60]],
    },
    {
      key: 'qualified-opportunities-south',
      en: 'Qualified opportunities: South',
      zh: '合格銷售機會:南區',
      kind: 'lagging',
      category: 'financial',
      unit: 'opportunities',
      cadence: 'weekly',
      parent: 'qualified-opportunities',
      targets: [[40, 60]],
    },
  ],
  'AI coaching for account executives': [
    {
      key: 'time-with-customers',
      en: 'Share of time with customers',
      zh: '與顧客相處的時間比例',
      kind: 'lagging',
      category: 'user_value',
      unit: '%',
      cadence: 'monthly',
      baseline: 30,
      targets: [[12, 42]],
    },
    {
      key: 'calls-prepared-with-coach',
      en: 'Calls prepared with the AI coach',
      zh: '使用 AI 教練準備的拜訪',
      kind: 'leading',
      category: 'adoption',
      unit: 'calls',
      cadence: 'monthly',
      parent: 'time-with-customers',
      baseline: 0,
      targets: [[12, 400]],
    },
  ],
  'Microlearning in the daily workflow': [
    {
      key: 'lessons-completed',
      en: 'Microlearning lessons completed',
      zh: '完成的微學習課程',
      kind: 'leading',
      category: 'adoption',
      unit: 'lessons',
      cadence: 'weekly',
      baseline: 0,
      targets: [[12, 300]],
    },
    {
      key: 'tool-proficiency',
      en: 'Reps proficient with the new tools',
      zh: '熟練使用新工具的業務代表',
      kind: 'lagging',
      category: 'user_value',
      unit: '%',
      cadence: 'monthly',
      parent: 'lessons-completed',
      targets: [[6, 60]],
    },
  ],
  'Dealer remote-support service': [
    {
      key: 'dealer-remote-sessions',
      en: 'Dealer remote-support sessions',
      zh: '經銷商遠端支援次數',
      kind: 'leading',
      category: 'customer_value',
      unit: 'sessions',
      cadence: 'monthly',
      baseline: 20,
      targets: [[15, 260]],
    },
    {
      key: 'dealer-service-revenue',
      en: 'Dealer insight-service revenue',
      zh: '經銷商洞察服務營收',
      kind: 'lagging',
      category: 'financial',
      unit: 'kUSD',
      cadence: 'monthly',
      baseline: 5,
      targets: [[15, 90]],
    },
  ],
  'Launch analytics for the patient support program': [
    {
      key: 'patient-support-enrolments',
      en: 'Patient support program enrolments',
      zh: '病患支援方案登記人數',
      kind: 'lagging',
      category: 'customer_value',
      unit: 'patients',
      cadence: 'monthly',
      baseline: 150,
      targets: [[18, 900]],
    },
    {
      key: 'hcp-reached-right-time',
      en: 'HCPs reached with the right message at the right time',
      zh: '在正確時機以正確訊息接觸的醫療專業人員',
      kind: 'leading',
      category: 'customer_value',
      unit: 'HCPs',
      cadence: 'monthly',
      parent: 'patient-support-enrolments',
      baseline: 200,
      targets: [[18, 700]],
    },
  ],
}

const PROGRAM_LEVEL: KpiSpec[] = [
  {
    key: 'recommendation-conversion',
    en: 'Recommendations that became qualified opportunities',
    zh: '轉為合格銷售機會的推薦比例',
    kind: 'lagging',
    category: 'customer_value',
    unit: '%',
    cadence: 'monthly',
    baseline: 8,
    targets: [[12, 33]],
    tolerance: 15,
    owner: 'sponsor@tenfold.demo',
  },
  {
    key: 'sales-productivity',
    en: 'Sales productivity gain',
    zh: '銷售生產力提升',
    kind: 'lagging',
    category: 'financial',
    unit: '%',
    cadence: 'monthly',
    parent: 'recommendation-conversion',
    baseline: 0,
    targets: [[12, 40]],
  },
]

/** Per KPI: how many periods of history, and how each value is drawn (t = period index from 0). */
function series(
  key: string,
  rnd: () => number,
): { count: number; skipRecent?: number; value: (t: number, contacted: number[]) => number } | null {
  const noise = (size: number) => (rnd() - 0.5) * 2 * size
  switch (key) {
    case 'rec-weekly-active-reps':
      return { count: 36, value: (t) => Math.min(95, 12 + t * 1.6 + noise(3)) }
    case 'rec-acceptance-rate':
      return { count: 36, value: (t) => 20 + t * 0.55 + noise(3) }
    case 'new-customers-contacted':
      return { count: 36, value: (t) => Math.round(45 + t * 0.9 + 18 * Math.sin(t / 2.3) + noise(6)) }
    // Won follows contacted three weeks later (≈ 17 %), plus noise: the driver link is supported.
    case 'new-customers-won':
      return {
        count: 36,
        value: (t, contacted) => Math.max(0, Math.round((contacted[t - 3] ?? 45) * 0.17 + noise(1.5))),
      }
    case 'qualified-opportunities-north':
      return { count: 36, value: (t) => Math.round(18 + t * 1.1 + noise(4)) }
    case 'qualified-opportunities-south':
      return { count: 36, value: (t) => Math.round(14 + t * 0.8 + noise(4)) }
    case 'time-with-customers':
      return { count: 5, value: (t) => 30 + t * 1.2 + noise(1) }
    case 'calls-prepared-with-coach':
      return { count: 5, value: (t) => Math.round(20 + t * 28 + noise(8)) }
    case 'lessons-completed':
      return { count: 8, value: (t) => Math.round(10 + t * 22 + noise(10)) }
    // The dealer KPIs stopped arriving three months ago: stale.
    case 'dealer-remote-sessions':
      return { count: 12, skipRecent: 3, value: (t) => Math.round(20 + t * 17 + noise(8)) }
    case 'dealer-service-revenue':
      return { count: 12, skipRecent: 3, value: (t) => Math.round(5 + t * 5.5 + noise(3)) }
    case 'patient-support-enrolments':
      return { count: 20, value: (t) => Math.round(150 + t * 22 + noise(30)) }
    case 'hcp-reached-right-time':
      return { count: 20, value: (t) => Math.round(200 + t * 18 + noise(25)) }
    case 'recommendation-conversion':
      return { count: 9, value: (t) => 8 + t * 2.6 + noise(1.5) }
    case 'sales-productivity':
      return { count: 9, value: (t) => t * 3.8 + noise(2) }
    default:
      return null
  }
}

async function insertTree(
  trx: Transaction<DB>,
  ctx: DemoContext,
  initiativeId: string | null,
  specs: KpiSpec[],
) {
  const ids = new Map<string, { id: string; key: string; cadence: KpiCadence; rollup: KpiRollup }>()
  for (const spec of specs) {
    const history = series(spec.key, () => 0)
    const start = periodEnds(spec.cadence, (history?.count ?? 12) + 1)[0]!
    const kpi = await trx
      .insertInto('kpis')
      .values({
        program_id: ctx.programId,
        initiative_id: initiativeId,
        parent_id: spec.parent ? ids.get(spec.parent)!.id : null,
        key: spec.key,
        name_en: spec.en,
        name_zh_tw: spec.zh,
        kind: spec.kind,
        category: spec.category,
        unit: spec.unit,
        direction: spec.direction ?? 'higher',
        cadence: spec.cadence,
        rollup: spec.rollup ?? 'none',
        owner_id: spec.owner ? (ctx.users[spec.owner] ?? null) : null,
        baseline_value: spec.baseline ?? null,
        baseline_date: spec.baseline === undefined ? null : start,
        tolerance_pct: spec.tolerance ?? 10,
        grace_days: spec.cadence === 'monthly' ? 7 : 3,
      })
      .returning(['id', 'key', 'cadence', 'rollup'])
      .executeTakeFirstOrThrow()
    ids.set(spec.key, kpi)
    if (spec.targets?.length) {
      await trx
        .insertInto('kpi_targets')
        .values(
          spec.targets.map(([periods, value]) => {
            let end = start
            for (let i = 0; i < periods; i++) end = nextPeriodEnd(end, spec.cadence)
            return { kpi_id: kpi.id, period_end: end, value }
          }),
        )
        .execute()
    }
  }
  return ids
}

export async function seedKpi(trx: Transaction<DB>, ctx: DemoContext) {
  const rnd = random(20260327)
  const all = new Map<string, { id: string; key: string; cadence: KpiCadence; rollup: KpiRollup }>()
  for (const [key, value] of await insertTree(trx, ctx, null, PROGRAM_LEVEL)) all.set(key, value)
  for (const [initiative, specs] of Object.entries(TREES)) {
    const initiativeId = ctx.initiatives[initiative]
    if (!initiativeId) continue
    for (const [key, value] of await insertTree(trx, ctx, initiativeId, specs)) all.set(key, value)
  }
  const items: MeasurementItem[] = []
  const contacted: number[] = []
  for (const kpi of all.values()) {
    const history = series(kpi.key, rnd)
    if (!history || kpi.rollup !== 'none') continue
    periodEnds(kpi.cadence, history.count, history.skipRecent).forEach((period_end, t) => {
      const value = Math.round(history.value(t, contacted) * 100) / 100
      if (kpi.key === 'new-customers-contacted') contacted.push(value)
      items.push({ kpi, period_end, value, note: '' })
    })
  }
  const lead = { id: ctx.users['lead@tenfold.demo'] ?? null, label: 'lead@tenfold.demo' }
  await recordMeasurementsIn(trx, { actor: lead, userId: lead.id, apiKeyId: null, source: 'seed' }, items)
  // A late correction, so the revision history has something to show.
  const won = all.get('new-customers-won')!
  const last = items.filter((item) => item.kpi.id === won.id).at(-2)!
  await recordMeasurementsIn(trx, { actor: lead, userId: lead.id, apiKeyId: null, source: 'form' }, [
    { ...last, value: last.value + 1, note: 'Two late CRM entries from the North team.' },
  ])

  const link = (leading: string, lagging: string, expected_lag: number) => ({
    leading_kpi_id: all.get(leading)!.id,
    lagging_kpi_id: all.get(lagging)!.id,
    expected_lag,
    created_by: ctx.users['lead@tenfold.demo'] ?? null,
  })
  await trx
    .insertInto('kpi_driver_links')
    .values([
      link('new-customers-contacted', 'new-customers-won', 3),
      link('rec-weekly-active-reps', 'qualified-opportunities', 2),
      link('calls-prepared-with-coach', 'time-with-customers', 1),
      link('dealer-remote-sessions', 'dealer-service-revenue', 1),
      link('hcp-reached-right-time', 'patient-support-enrolments', 2),
    ])
    .execute()
}
