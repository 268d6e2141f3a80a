/* eslint-disable @typescript-eslint/no-explicit-any -- loader answers, checked field by field below */
import { beforeAll, describe, expect, test } from 'vitest'
import { ingestItems } from '~/models/recommendations/ingest.server'
import { action as coachingAction, loader as coachingLoader } from '~/routes/team.coaching'
import { db } from '~/utils/db.server'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'
import { prng } from '../recommendations/generate'
import { seedTeams } from '../recommendations/teams'

// The coaching view against a plain recomputation from the generated activity (nothing shared with
// app/models/change/coaching-effect.ts): per coached rep, active share of the 28 days after the first
// action minus the 28 days before, less the mean of the same for never-coached teammates.

const REPS = ['A1', 'A2', 'B1', 'B2', 'MA', 'MB']
const COACHED = { A1: '2026-10-01', B1: '2026-10-05', A2: '2026-10-20' } as Record<string, string>
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
let users: Awaited<ReturnType<typeof seedTeams>>
const active = new Set<string>()

beforeAll(async () => {
  users = await seedTeams()
  const random = prng(42)
  const raw: Record<string, string>[] = []
  for (const rep of REPS) {
    // MB goes quiet after 2026-11-15; every other rep is active on 2026-11-30.
    const last = rep === 'MB' ? Date.parse('2026-11-15') : Date.parse('2026-11-30')
    for (let t = Date.parse('2026-08-01'); t <= last; t += DAY) {
      const coachedOn = COACHED[rep]
      const p = coachedOn && iso(t) >= coachedOn ? 0.7 : 0.35
      if (random() < p || t === last) {
        active.add(`${rep}|${iso(t)}`)
        const id = `rec-${rep}-${iso(t)}`
        const event = (suffix: string, type: string, time: string) => ({
          event_id: `${id}-${suffix}`,
          type,
          occurred_at: `${iso(t)}T${time}:00Z`,
          recommendation_id: id,
          seller_id: rep,
          ...(type === 'generated' ? { recommendation_type: 'cross_sell' } : {}),
        })
        raw.push(event('g', 'generated', '09:00'), event('v', 'viewed', '09:30'))
      }
    }
  }
  const report = await ingestItems(
    db,
    raw.map((event, index) => ({ index, raw: event })),
  )
  expect(report.rejected).toEqual([])
})

async function post(user: { id: string }, form: Record<string, string>) {
  return run(
    coachingAction,
    buildRequest('/team/coaching', { form, cookie: await sessionCookieFor(user.id) }),
  )
}

function reference(today: string) {
  const share = (rep: string, from: string) => {
    let n = 0
    for (let i = 0; i < 28; i++) if (active.has(`${rep}|${iso(Date.parse(from) + i * DAY)}`)) n++
    return n / 28
  }
  const change = (rep: string, day: string) => share(rep, day) - share(rep, iso(Date.parse(day) - 28 * DAY))
  const controls = REPS.filter((rep) => !COACHED[rep])
  const diffs = Object.entries(COACHED)
    .filter(([, day]) => Date.parse(today) - Date.parse(day) >= 28 * DAY)
    .map(
      ([rep, day]) => change(rep, day) - controls.reduce((s, c) => s + change(c, day), 0) / controls.length,
    )
  const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length
  const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (diffs.length - 1))
  const margin = (1.96 * sd) / Math.sqrt(diffs.length)
  return { n: diffs.length, mean, low: mean - margin, high: mean + margin }
}

describe('the coaching view', () => {
  test('a manager logs an action for a rep of their team, audited; a rep outside is refused', async () => {
    for (const [seller, day] of Object.entries(COACHED)) {
      const answer = await post(users.secondLine, { seller_id: seller, kind: 'conversation', done_on: day })
      expect(statusOf(answer)).toBe(302)
    }
    // A later action does not move the first one.
    await post(users.secondLine, {
      seller_id: 'A1',
      kind: 'ride_along',
      done_on: '2026-10-15',
      note: 'Joined two visits',
    })
    const refused = await post(users.managerA, {
      seller_id: 'B1',
      kind: 'conversation',
      done_on: '2026-10-01',
    })
    expect(statusOf(refused)).toBe(400)
    const audited = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'coaching.log')
      .execute()
    expect(audited).toHaveLength(4)
  })

  test('coached vs similar not coached equals the recomputation; quiet reps and scope are right', async () => {
    const view = (await run(
      coachingLoader,
      buildRequest('/team/coaching', { cookie: await sessionCookieFor(users.secondLine.id) }),
    )) as any
    const expected = reference(view.today)
    expect(expected.n).toBe(3)
    expect(view.effect.coached).toBe(expected.n)
    expect(view.effect.similar).toBe(3)
    expect(view.effect.difference).toBeCloseTo(expected.mean, 12)
    expect(view.effect.low).toBeCloseTo(expected.low, 12)
    expect(view.effect.high).toBeCloseTo(expected.high, 12)
    expect(view.reps.map((rep: any) => rep.seller_id).sort()).toEqual([...REPS].sort())
    expect(view.reps.filter((rep: any) => rep.quiet).map((rep: any) => rep.seller_id)).toEqual(['MB'])
    expect(view.actions).toHaveLength(4)
    // Every recommendation was viewed, never decided: no acceptance anywhere, no rejection reasons.
    expect(view.team.acceptance_rate).toBeNull()
    expect(view.reasons).toEqual([])
    const visits = await db.selectFrom('coaching_view_visits').select('user_id').execute()
    expect(visits.map((visit) => visit.user_id)).toEqual([users.secondLine.id])
  })

  test("team A's manager sees only team A in the coaching view", async () => {
    const view = (await run(
      coachingLoader,
      buildRequest('/team/coaching', { cookie: await sessionCookieFor(users.managerA.id) }),
    )) as any
    expect(view.reps.map((rep: any) => rep.seller_id)).toEqual(['A1', 'A2'])
    expect(view.actions.every((item: any) => ['A1', 'A2'].includes(item.seller_id))).toBe(true)
    // A1 and A2 are both coached: no teammate left to compare with.
    expect(view.effect.coached).toBe(0)
  })
})
