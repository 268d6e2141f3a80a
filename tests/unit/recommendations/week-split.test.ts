import { describe, expect, test } from 'vitest'
import { weekSplit } from '~/models/recommendations/rollup.server'

// The funnel reads whole ISO weeks from the weekly rollup rows and the days at either end from the
// daily ones; together they must cover [from, to) exactly once.

function covered(from: string, to: string) {
  const { weeksFrom, weeksTo } = weekSplit(from, to)
  const days: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10)
    if (day < weeksFrom || day >= weeksTo) days.push(day)
  }
  return { weeksFrom, weeksTo, days }
}

describe('weekSplit', () => {
  test('a range from Monday to Monday is whole weeks', () => {
    expect(weekSplit('2026-10-12', '2026-11-09')).toEqual({ weeksFrom: '2026-10-12', weeksTo: '2026-11-09' })
  })

  test('a range inside one week has no whole week', () => {
    expect(weekSplit('2026-10-31', '2026-11-03')).toEqual({ weeksFrom: '2026-11-03', weeksTo: '2026-11-03' })
    expect(weekSplit('2026-11-03', '2026-11-10')).toEqual({ weeksFrom: '2026-11-10', weeksTo: '2026-11-10' })
  })

  test('edges are left to the daily rows, weeks start on Mondays', () => {
    // 2026-10-01 is a Thursday; 2026-12-01 a Tuesday.
    const split = covered('2026-10-01', '2026-12-01')
    expect(split.weeksFrom).toBe('2026-10-05')
    expect(split.weeksTo).toBe('2026-11-30')
    expect(split.days).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-11-30'])
  })

  test('every range from every weekday is covered exactly once', () => {
    for (let start = 0; start < 7; start++)
      for (let length = 1; length < 40; length++) {
        const from = new Date(Date.UTC(2026, 0, 5 + start)).toISOString().slice(0, 10)
        const to = new Date(Date.UTC(2026, 0, 5 + start + length)).toISOString().slice(0, 10)
        const { weeksFrom, weeksTo, days } = covered(from, to)
        const weekDays = (Date.parse(weeksTo) - Date.parse(weeksFrom)) / 86_400_000
        expect(weekDays % 7).toBe(0)
        if (weekDays > 0) expect(new Date(`${weeksFrom}T00:00:00Z`).getUTCDay()).toBe(1)
        expect(weeksFrom >= from && weeksTo <= to).toBe(true)
        expect(days.length + weekDays).toBe(length)
      }
  })
})
