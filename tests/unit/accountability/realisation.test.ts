import { expect, test } from 'vitest'
import { computeCase, computeIrr } from '~/models/accountability/business-case-finance'
import { addYears, computeRealisation } from '~/models/accountability/business-case-realisation'

// Reference values from an independent computation (Python 3 + NumPy, run by hand; the script is
// pasted below). IRR from the roots of Σ net_y x^y in x = 1/(1 + r) (numpy.roots); the realisation
// from the written definition (docs/metrics.md, "Business-case realisation") with Python's datetime.
//
//   import numpy as np, calendar
//   from datetime import date
//   def irr(flows):
//       roots = np.roots(list(reversed(flows)) + [0.0])
//       return [1/r.real - 1 for r in roots if abs(r.imag) < 1e-12 and r.real > 1e-12]
//   b = [120000, 420000, 420000, 420000]; c = [450000, 50000, 150000, 50000]
//   net = [x - y for x, y in zip(b, c)]                      # [-330000, 370000, 270000, 370000]
//   sum(n / 1.08**(i+1) for i, n in enumerate(net))         # 497955.5585662377
//   irr(net)                                                 # [0.8759528038779831]
//   irr([-100.0, 230.0, -132.0])                             # [0.1, 0.2]: two rates
//   anchor = date(2026, 3, 15)
//   def add_years(d, n):
//       try: return d.replace(year=d.year + n)
//       except ValueError: return d.replace(year=d.year + n, day=28)
//   def case_year(day, H):
//       if day < anchor: return None
//       for y in range(1, H + 1):
//           if day < add_years(anchor, y): return y
//   def year_days(y): return (add_years(anchor, y) - add_years(anchor, y - 1)).days
//   A = [1200, 0.30, 5000]   # proven: index 1; monthly KPI
//   meas = [(2026-02-28, 0.5), (2026-03-31, 0.20), (2026-04-30, 0.25), (2026-05-31, 0.34), (2026-07-31, 0.31),
//           (2027-04-30, 0.9)]   # today 2027-04-01: the April 2027 period is not over, left out
//   targets: baseline 0.10 at 2026-03-31, 0.30 at 2026-06-30, 0.40 at 2026-12-31 (linear between)
//   for each period: share = days / year_days(y); planned = prod(A) * share;
//                    realised = A[0] * v * A[2] * share; trajectory = A[0] * target(pe) * A[2] * share
//   → 2026-03-31: planned 152876.7123287671, realised 101917.80821917808, trajectory 50958.90410958904
//     2026-04-30: planned 147945.20547945204, realised 123287.6712328767, target 0.16593406593406593
//     2026-05-31: planned 152876.7123287671, realised 173260.27397260276
//     2026-07-31: planned 152876.7123287671, realised 157972.60273972602, target 0.3168478260869565 (between two
//                 targets), trajectory 161462.1798689696
//   A planned 606575.3424657534, realised 556438.3561643835, variance −50136.986301369965,
//     mean actual (weighted by days) 0.27520325203252033
//   D = [52, 1000], proven 0, weekly KPI, start year 2: 2027-03-07 and 2027-03-14 are in year 1 (left out),
//     2027-03-21 in year 2 (366 days, holding 2028-02-29): planned 994.5355191256831, realised 956.2841530054645

test('IRR of uneven flows (one sign change) matches numpy.roots, and NPV matches too', () => {
  const figures = computeCase({
    discountRate: 0.08,
    horizonYears: 4,
    benefits: [
      { startYear: 1, assumptions: [{ value: 120_000 }] },
      { startYear: 2, assumptions: [{ value: 3_000 }, { value: 100 }] },
    ],
    costs: [
      { kind: 'one_off', year: 1, amount: 400_000 },
      { kind: 'recurring', year: 1, amount: 50_000 },
      { kind: 'one_off', year: 3, amount: 100_000 },
    ],
  })
  expect(figures.years.map((y) => y.net)).toEqual([-330_000, 370_000, 270_000, 370_000])
  expect(figures.npv).toBeCloseTo(497955.5585662377, 6)
  expect(figures.irr).toEqual({ defined: true, rate: expect.closeTo(0.8759528038779831, 9) })
})

test('IRR is not defined without a sign change, nor with several (two rates solve NPV = 0 here)', () => {
  expect(computeIrr([100, 200])).toEqual({ defined: false, reason: 'no_sign_change', signChanges: 0 })
  expect(computeIrr([-100, 0, -5])).toMatchObject({ defined: false, reason: 'no_sign_change' })
  expect(computeIrr([-100, 230, -132])).toEqual({
    defined: false,
    reason: 'several_sign_changes',
    signChanges: 2,
  })
  // A zero year does not count as a change: −100, 0, 121 has IRR 10 %.
  expect(computeIrr([-100, 0, 121])).toEqual({ defined: true, rate: expect.closeTo(0.1, 9) })
})

test('addYears keeps the day, 29 February falling on the 28th', () => {
  expect(addYears('2026-03-15', 1)).toBe('2027-03-15')
  expect(addYears('2028-02-29', 1)).toBe('2029-02-28')
})

const monthlyConversion = {
  id: 'kpi-a',
  cadence: 'monthly' as const,
  targets: [
    { period_end: '2026-06-30', value: 0.3 },
    { period_end: '2026-12-31', value: 0.4 },
  ],
  baseline: { value: 0.1, date: '2026-03-31' },
}

const realisation = computeRealisation({
  anchor: '2026-03-15',
  horizonYears: 2,
  today: '2027-04-01',
  lines: [
    {
      name: 'More qualified opportunities',
      startYear: 1,
      assumptions: [
        { name: 'Recommendations a year', unit: '', value: 1200 },
        { name: 'Conversion', unit: '', value: 0.3 },
        { name: 'Value per opportunity', unit: 'USD', value: 5000 },
      ],
      provenAssumption: 1,
      kpi: monthlyConversion,
      measurements: [
        { period_end: '2026-02-28', value: 0.5 },
        { period_end: '2026-03-31', value: 0.2 },
        { period_end: '2026-04-30', value: 0.25 },
        { period_end: '2026-05-31', value: 0.34 },
        { period_end: '2026-07-31', value: 0.31 },
        { period_end: '2027-04-30', value: 0.9 },
      ],
    },
    {
      name: 'Shorter lead time',
      startYear: 1,
      assumptions: [{ name: 'Hours saved', unit: 'h', value: 2000 }],
      provenAssumption: 0,
      kpi: { id: 'kpi-b', cadence: 'weekly', targets: [] },
      measurements: [],
    },
    {
      name: 'Fewer lost deals',
      startYear: 1,
      assumptions: [{ name: 'Deals kept', unit: '', value: 10 }],
      provenAssumption: null,
      kpi: null,
      measurements: [],
    },
    {
      name: 'Partner sales',
      startYear: 2,
      assumptions: [
        { name: 'Weeks', unit: '', value: 52 },
        { name: 'Margin a week', unit: 'USD', value: 1000 },
      ],
      provenAssumption: 0,
      kpi: { id: 'kpi-d', cadence: 'weekly', targets: [] },
      measurements: [
        { period_end: '2027-03-07', value: 60 },
        { period_end: '2027-03-14', value: 40 },
        { period_end: '2027-03-21', value: 50 },
      ],
    },
  ],
})

test('a measured line: each period re-computed with the actual in place of its assumption', () => {
  const [line] = realisation.lines
  expect(line!.status).toBe('measured')
  expect(line!.periods.map((p) => p.periodEnd)).toEqual([
    '2026-03-31',
    '2026-04-30',
    '2026-05-31',
    '2026-07-31',
  ])
  const [march, april, , july] = line!.periods
  expect(march!.planned).toBeCloseTo(152876.7123287671, 6)
  expect(march!.realised).toBeCloseTo(101917.80821917808, 6)
  expect(march!.onTrajectory).toBeCloseTo(50958.90410958904, 6)
  expect(april!.planned).toBeCloseTo(147945.20547945204, 6)
  expect(april!.realised).toBeCloseTo(123287.6712328767, 6)
  expect(april!.target).toBeCloseTo(0.16593406593406593, 12)
  // July falls between the June and December targets: its trajectory is interpolated.
  expect(july!.target).toBeCloseTo(0.3168478260869565, 12)
  expect(july!.onTrajectory).toBeCloseTo(161462.1798689696, 6)
  expect(line!.planned).toBeCloseTo(606575.3424657534, 6)
  expect(line!.realised).toBeCloseTo(556438.3561643835, 6)
  expect(line!.variance).toBeCloseTo(-50136.986301369965, 6)
  expect(line!.meanActual).toBeCloseTo(0.27520325203252033, 12)
})

test('a KPI with no data yet, a line without a KPI: said so, never counted as zero', () => {
  expect(realisation.lines[1]).toMatchObject({
    status: 'no_data',
    realised: null,
    variance: null,
    planned: 0,
  })
  expect(realisation.lines[2]).toMatchObject({ status: 'no_kpi', realised: null })
  expect(realisation.measuredLines).toBe(2)
})

test('a line starting in year 2: year-1 periods left out; year 2 has 366 days', () => {
  const line = realisation.lines[3]!
  expect(line.periods.map((p) => p.periodEnd)).toEqual(['2027-03-21'])
  expect(line.planned).toBeCloseTo(994.5355191256831, 9)
  expect(line.realised).toBeCloseTo(956.2841530054645, 9)
})

test('case totals, cumulative series and the variance by assumption', () => {
  expect(realisation.planned).toBeCloseTo(606575.3424657534 + 994.5355191256831, 6)
  expect(realisation.realised).toBeCloseTo(556438.3561643835 + 956.2841530054645, 6)
  expect(realisation.cumulative.at(-1)).toEqual({
    periodEnd: '2027-03-21',
    planned: expect.closeTo(607569.8779848791, 6),
    realised: expect.closeTo(557394.6403173889, 6),
  })
  expect(realisation.varianceByAssumption.map((row) => row.assumption)).toEqual(['Conversion', 'Weeks'])
})

test('a line whose assumption was not chosen is not guessed', () => {
  const result = computeRealisation({
    anchor: '2026-01-01',
    horizonYears: 1,
    today: '2026-12-31',
    lines: [
      {
        name: 'x',
        startYear: 1,
        assumptions: [{ name: 'a', unit: '', value: 1 }],
        provenAssumption: null,
        kpi: { id: 'k', cadence: 'daily', targets: [] },
        measurements: [{ period_end: '2026-01-05', value: 3 }],
      },
    ],
  })
  expect(result.lines[0]).toMatchObject({ status: 'not_chosen', realised: null })
  expect(result.measuredLines).toBe(0)
})
