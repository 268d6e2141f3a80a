/* eslint-disable @typescript-eslint/no-explicit-any -- loader answers, checked field by field below */
import { beforeAll, describe, expect, test } from 'vitest'
import { evaluateChecklist } from '~/models/accountability/checklist.server'
import { attritionWatch } from '~/models/change/pay.server'
import { action as payAction, loader as payLoader } from '~/routes/initiatives.$initiativeId.pay'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// The variable-pay plan against values computed outside the product (NumPy, script below), who sees
// its figures, its approval, and the checklist verdict judged from it.
//
//   import numpy as np
//   W_b = np.array([70, 30, 0]); W_a = np.array([50, 20, 30])
//   Q_b = np.array([100, 10, 1]); Q_a = np.array([110, 10, 20])
//   segs = {'Enterprise': (4000, 3000, [120, 6, 0]), 'SMB': (2500, 2000, [90, 12, 25]),
//           'Mid': (3000, 2500, [100, 10, 10])}
//   for s, (base, tv, v) in segs.items():
//       v = np.array(v, float); mb = W_b > 0; ma = W_a > 0
//       before = base + tv * np.sum((W_b[mb] / 100) * (v[mb] / Q_b[mb]))
//       after = base + tv * np.sum((W_a[ma] / 100) * (v[ma] / Q_a[ma]))
//       m = np.arange(1, 13); N = 4
//       fy = np.where(m <= N, before + (after - before) * m / N, after).mean()
//       print(s, before, after, (after - before) / before, fy, (fy - before) / before)
const REFERENCE = {
  Enterprise: [7060.0, 5996.363636363636, -0.15065670873036316, 6129.31818181818, -0.13182462013906796],
  SMB: [4480.0, 4548.181818181818, 0.015219155844155808, 4539.65909090909, 0.013316761363636178],
  Mid: [5500.0, 5011.363636363636, -0.08884297520661164, 5072.44318181818, -0.07773760330578543],
} as Record<string, number[]>

// The roster (UTC days). Hand count of the attrition watch for a change on 2026-09-01 seen on
// 2026-11-30 (91 days; the window before is 2026-06-02 – 2026-08-31):
//   Enterprise: on the roster 06-02: E1–E6 (E7 joined 07-01, E8 left 05-01) → 6, left before 09-01: E1 → 1/6;
//               on the roster 09-01: E2–E7 → 6, left by 11-30: E2, E3, E7 → 3/6.
//   Mid: 06-02: M1–M4 → 4, M1 left 08-01 → 1/4; 09-01: M2–M4 → 3, none left → 0/3.
//   SMB: S1–S5 both windows, none left → 0/5 and 0/5 (S6 has no hire date and joined the roster today).
const ROSTER: [string, string, string | null, string | null][] = [
  ['E1', 'Enterprise', '2025-01-01', '2026-07-15'],
  ['E2', 'Enterprise', '2025-01-01', '2026-09-10'],
  ['E3', 'Enterprise', '2025-01-01', '2026-10-01'],
  ['E4', 'Enterprise', '2025-01-01', null],
  ['E5', 'Enterprise', '2025-01-01', null],
  ['E6', 'Enterprise', '2025-01-01', null],
  ['E7', 'Enterprise', '2026-07-01', '2026-11-30'],
  ['E8', 'Enterprise', '2025-01-01', '2026-05-01'],
  ['M1', 'Mid', '2025-06-01', '2026-08-01'],
  ['M2', 'Mid', '2025-06-01', null],
  ['M3', 'Mid', '2025-06-01', null],
  ['M4', 'Mid', '2025-06-01', null],
  ...[1, 2, 3, 4, 5].map((n): [string, string, string, null] => [`S${n}`, 'SMB', '2024-03-01', null]),
  ['S6', 'SMB', null, null],
]

let users: Record<'admin' | 'lead' | 'sponsor' | 'otherSponsor' | 'viewer' | 'finance', { id: string }>
let initiative: { id: string; name: string; lead_id: string | null; sponsor_id: string | null }

// Segments in the roster's order (Enterprise, Mid, SMB), components as the NumPy script has them.
function planForm(enterpriseVolumes = ['120', '6', '0']) {
  const volumes: Record<string, string[]> = {
    Enterprise: enterpriseVolumes,
    Mid: ['100', '10', '10'],
    SMB: ['90', '12', '25'],
  }
  const pay: Record<string, [string, string]> = {
    Enterprise: ['4000', '3000'],
    Mid: ['3000', '2500'],
    SMB: ['2500', '2000'],
  }
  const form: Record<string, string> = {
    intent: 'save',
    effective_from: '2026-09-01',
    transition_kind: 'blend',
    transition_months: '4',
    loss_threshold_pct: '10',
  }
  const components = [
    ['Revenue', '70', '50', '100', '110'],
    ['New logos', '30', '20', '10', '10'],
    ['Recommendations acted on', '0', '30', '1', '20'],
    ['', '', '', '', ''],
  ]
  components.forEach(([name, wb, wa, qb, qa], i) =>
    Object.assign(form, {
      [`components[${i}].name`]: name,
      [`components[${i}].weight_before`]: wb,
      [`components[${i}].weight_after`]: wa,
      [`components[${i}].quota_before`]: qb,
      [`components[${i}].quota_after`]: qa,
    }),
  )
  ;['Enterprise', 'Mid', 'SMB'].forEach((segment, s) => {
    form[`segments[${s}].segment`] = segment
    form[`segments[${s}].base_pay`] = pay[segment]![0]
    form[`segments[${s}].target_variable`] = pay[segment]![1]
    volumes[segment]!.forEach((volume, i) => (form[`segments[${s}].volumes[${i}]`] = volume))
  })
  return form
}

const path = () => `/initiatives/${initiative.id}/pay`
async function load(user: { id: string }) {
  return (await run(payLoader, buildRequest(path(), { cookie: await sessionCookieFor(user.id) }), {
    initiativeId: initiative.id,
  })) as any
}
async function post(user: { id: string }, form: Record<string, string>) {
  return run(payAction, buildRequest(path(), { form, cookie: await sessionCookieFor(user.id) }), {
    initiativeId: initiative.id,
  })
}
async function verdict() {
  const sections = await evaluateChecklist(db, { ...initiative, lead_name: null, sponsor_name: null })
  return sections.flatMap((section) => section.items).find((item) => item.key === 'variablePay')!
}

beforeAll(async () => {
  const program = await createProgram({ reporting_timezone: 'UTC' })
  users = {
    admin: await createUser({ role: 'admin' }),
    lead: await createUser({ role: 'lead' }),
    sponsor: await createUser({ role: 'sponsor' }),
    otherSponsor: await createUser({ role: 'sponsor' }),
    viewer: await createUser({ role: 'viewer' }),
    finance: await createUser({ role: 'viewer' }),
  }
  await db.updateTable('users').set({ finance_access: true }).where('id', '=', users.finance.id).execute()
  initiative = await createInitiative({
    programId: program.id,
    leadId: users.lead.id,
    sponsorId: users.sponsor.id,
  })
  await db
    .insertInto('sellers')
    .values(
      ROSTER.map(([seller_id, segment, hire_date, left]) => ({
        seller_id,
        name: `Rep ${seller_id}`,
        region: 'North',
        segment,
        team: 'T',
        role: 'AE',
        hire_date,
        left_at: left ? new Date(`${left}T12:00:00Z`) : null,
      })),
    )
    .execute()
})

describe('the variable-pay transition plan', () => {
  test('without a plan the checklist item is not met and says so', async () => {
    const item = await verdict()
    expect(item.source).toBe('data')
    expect(item.met).toBe(false)
    expect(item.detail.status).toBe('none')
  })

  test('only admins and finance users write it; a bad plan is refused next to its fields', async () => {
    for (const user of [users.lead, users.sponsor, users.viewer])
      expect(statusOf(await post(user, planForm()))).toBe(403)
    const notANumber = planForm()
    notANumber['segments[1].base_pay'] = 'abc'
    let refused = (await post(users.finance, notANumber)) as any
    expect(statusOf(refused)).toBe(400)
    expect(Object.keys(refused.data.fieldErrors)).toEqual(['segments.1.base_pay'])
    // The plan-wide checks run once every field reads: weights after adding up to 110, a volume missing.
    const weights = planForm()
    weights['components[0].weight_after'] = '60'
    weights['segments[2].volumes[1]'] = ''
    refused = (await post(users.finance, weights)) as any
    expect(statusOf(refused)).toBe(400)
    expect(Object.keys(refused.data.fieldErrors).sort()).toEqual(['components', 'segments.2.volumes.1'])
    expect(await db.selectFrom('pay_plans').selectAll().execute()).toEqual([])
    expect(statusOf(await post(users.finance, planForm()))).toBe(302)
  })

  test('the simulation equals the NumPy recomputation; the losing segment is flagged', async () => {
    const view = await load(users.finance)
    const simulation = view.figures.simulation
    expect(simulation.segments.map((row: any) => row.segment)).toEqual(['Enterprise', 'Mid', 'SMB'])
    for (const row of simulation.segments) {
      const [before, after, change, firstYear, firstYearChange] = REFERENCE[row.segment]!
      expect(row.before).toBeCloseTo(before!, 9)
      expect(row.after).toBeCloseTo(after!, 9)
      expect(row.change).toBeCloseTo(change!, 12)
      expect(row.firstYear).toBeCloseTo(firstYear!, 9)
      expect(row.firstYearChange).toBeCloseTo(firstYearChange!, 12)
    }
    // Reps on the roster now: Enterprise E4–E6, Mid M2–M4, SMB S1–S6.
    expect(simulation.segments.map((row: any) => row.reps)).toEqual([3, 3, 6])
    expect(simulation.segments.map((row: any) => row.losesMore)).toEqual([true, false, false])
    expect(simulation).toMatchObject({ losingSegments: 1, repsLosing: 3, incomeCheck: false, uncovered: [] })
  })

  test('the attrition watch equals the hand count', async () => {
    const watch = await attritionWatch(db, { effective_from: '2026-09-01' }, '2026-11-30', 'UTC')
    expect(watch).toMatchObject({
      days: 91,
      before: { from: '2026-06-02', to: '2026-08-31' },
      after: { from: '2026-09-01', to: '2026-11-30' },
    })
    expect(watch!.segments).toEqual([
      {
        segment: 'Enterprise',
        before: { reps: 6, left: 1, rate: 1 / 6 },
        after: { reps: 6, left: 3, rate: 3 / 6 },
      },
      { segment: 'Mid', before: { reps: 4, left: 1, rate: 1 / 4 }, after: { reps: 3, left: 0, rate: 0 } },
      { segment: 'SMB', before: { reps: 5, left: 0, rate: 0 }, after: { reps: 5, left: 0, rate: 0 } },
    ])
    expect(await attritionWatch(db, { effective_from: '2026-12-01' }, '2026-11-30', 'UTC')).toBeNull()
  })

  test('pay figures reach admins, the sponsor and finance users only', async () => {
    for (const user of [users.admin, users.sponsor, users.finance])
      expect((await load(user)).figures).not.toBeNull()
    for (const user of [users.lead, users.viewer, users.otherSponsor]) {
      const view = await load(user)
      expect(view.figures).toBeNull()
      expect(view.plan.status).toBe('draft')
      expect(JSON.stringify(view)).not.toMatch(/4480|Revenue|4000/)
    }
  })

  test('the sponsor approves a submitted plan; the checklist then judges the income check', async () => {
    // Deciding a draft is refused; the author submits; the author may not decide.
    expect(statusOf(await post(users.sponsor, { intent: 'decide', decision: 'approved' }))).toBe(409)
    expect(statusOf(await post(users.finance, { intent: 'submit' }))).toBe(302)
    expect(statusOf(await post(users.finance, { intent: 'decide', decision: 'approved' }))).toBe(403)
    expect(statusOf(await post(users.otherSponsor, { intent: 'decide', decision: 'approved' }))).toBe(403)
    expect(statusOf(await post(users.sponsor, { intent: 'decide', decision: 'rejected' }))).toBe(400)
    expect(statusOf(await post(users.sponsor, { intent: 'decide', decision: 'approved' }))).toBe(302)
    // Approved, but Enterprise loses 15.1 % > 10 %: not met.
    let item = await verdict()
    expect(item).toMatchObject({ met: false, detail: { status: 'approved', check: 'fail', losing: 1 } })
    // Enterprise expecting 12 recommendations acted on: after = 4000 + 3000 × (0.5 × 120/110 + 0.2 ×
    // 6/10 + 0.3 × 12/20) = 6536.36 ≥ 0.9 × 7060 = 6354 (a 7.4 % loss). The new version is a draft
    // until it is approved again.
    expect(statusOf(await post(users.finance, planForm(['120', '6', '12'])))).toBe(302)
    item = await verdict()
    expect(item).toMatchObject({ met: false, detail: { status: 'pending', version: 2, check: 'pass' } })
    const enterprise = (await load(users.sponsor)).figures.simulation.segments[0]
    expect(enterprise.after).toBeCloseTo(4000 + 3000 * (0.5 * (120 / 110) + 0.2 * 0.6 + 0.3 * 0.6), 9)
    expect(statusOf(await post(users.finance, { intent: 'submit' }))).toBe(302)
    expect(statusOf(await post(users.sponsor, { intent: 'decide', decision: 'approved' }))).toBe(302)
    item = await verdict()
    expect(item).toMatchObject({ met: true, detail: { status: 'approved', version: 2, check: 'pass' } })
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', initiative.id)
      .orderBy('id')
      .execute()
    expect(audited.map((row) => row.action)).toEqual([
      'pay-plan.save',
      'pay-plan.submit',
      'pay-plan.decide',
      'pay-plan.save',
      'pay-plan.submit',
      'pay-plan.decide',
    ])
  })
})
