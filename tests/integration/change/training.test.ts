/* eslint-disable @typescript-eslint/no-explicit-any -- loader and API answers, checked field by field below */
import { beforeAll, describe, expect, test } from 'vitest'
import { evaluateChecklist } from '~/models/accountability/checklist.server'
import { createModule } from '~/models/change/training.server'
import { createApiKey } from '~/models/foundation/api-key.server'
import { ingestItems } from '~/models/recommendations/ingest.server'
import { action as apiAction } from '~/routes/api.v1.training-completions'
import { action as importAction } from '~/routes/initiatives.$initiativeId.training_.import'
import {
  action as trainingAction,
  loader as trainingLoader,
} from '~/routes/initiatives.$initiativeId.training'
import { action as coachingAction, loader as coachingLoader } from '~/routes/team.coaching'
import { todayIn } from '~/utils/calendar'
import { db } from '~/utils/db.server'
import { createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, ORIGIN, run, sessionCookieFor, statusOf } from '#tests/support/requests'
import { jsonSchemaOf, undeclaredKeys } from '#tests/unit/api/contract'
import { prng } from '../recommendations/generate'

// Training tracked against adoption, against a plain recomputation from the generated data written
// here (nothing shared with app/models/change/training-figures.ts), and the two change-management
// checklist items judged from data.

const DAY = 86_400_000
const TODAY = todayIn('UTC')
const ago = (days: number) => new Date(Date.parse(TODAY) - days * DAY).toISOString().slice(0, 10)
const NORTH = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6']
const SOUTH = ['S1', 'S2', 'S3']
const REPS = [...NORTH, ...SOUTH]
// Module completions by rep: [course day, microlearning day] (days ago), null = not completed.
const DONE: Record<string, [number | null, number | null]> = {
  N1: [70, 65],
  N2: [60, 40],
  N3: [45, 50],
  N4: [35, 31],
  N5: [20, null],
  N6: [null, null],
  S1: [12, 10],
  S2: [null, 5],
  S3: [null, null],
}
const active = new Set<string>()
let admin: { id: string }
let lead: { id: string }
let viewer: { id: string }
let northManager: { id: string }
let southManager: { id: string }
let initiative: { id: string; program_id: string }
let key = ''

beforeAll(async () => {
  const program = await createProgram({ reporting_timezone: 'UTC' })
  admin = await createUser({ role: 'admin' })
  lead = await createUser({ role: 'lead' })
  viewer = await createUser({ role: 'viewer' })
  northManager = await createUser({ role: 'manager', email: 'north.manager@example.test' })
  southManager = await createUser({ role: 'manager', email: 'south.manager@example.test' })
  initiative = await createInitiative({ programId: program.id, leadId: lead.id })
  const roster = [
    {
      seller_id: 'NM',
      name: 'North Manager',
      email: 'north.manager@example.test',
      team: 'Lead',
      manager_id: null,
    },
    {
      seller_id: 'SM',
      name: 'South Manager',
      email: 'south.manager@example.test',
      team: 'Lead',
      manager_id: null,
    },
    ...NORTH.map((id) => ({
      seller_id: id,
      name: `Rep ${id}`,
      email: null,
      team: 'North',
      manager_id: 'NM',
    })),
    ...SOUTH.map((id) => ({
      seller_id: id,
      name: `Rep ${id}`,
      email: null,
      team: 'South',
      manager_id: 'SM',
    })),
  ]
  await db
    .insertInto('sellers')
    .values(
      roster.map((rep) => ({
        ...rep,
        region: 'North',
        segment: 'SMB',
        role: 'AE',
        eligible: rep.team !== 'Lead',
      })),
    )
    .execute()
  // The pilot: N1, N2 (manager NM) and S2 (manager SM).
  const ids = await db.selectFrom('sellers').select(['id', 'seller_id']).execute()
  await db
    .insertInto('eet_members')
    .values(
      ids
        .filter((row) => ['N1', 'N2', 'S2'].includes(row.seller_id))
        .map((row) => ({ initiative_id: initiative.id, seller_id: row.id, joined_on: ago(90) })),
    )
    .execute()
  // Activity over the last 120 days: more likely once a rep completed the course.
  const random = prng(7)
  const raw: Record<string, string>[] = []
  for (const rep of REPS)
    for (let d = 120; d >= 1; d--) {
      const course = DONE[rep]![0]
      const p = course !== null && d <= course ? 0.6 : 0.2
      if (random() < p) {
        active.add(`${rep}|${ago(d)}`)
        const id = `rec-${rep}-${d}`
        raw.push(
          {
            event_id: `${id}-g`,
            type: 'generated',
            occurred_at: `${ago(d)}T09:00:00Z`,
            recommendation_id: id,
            seller_id: rep,
            recommendation_type: 'cross_sell',
          },
          {
            event_id: `${id}-v`,
            type: 'viewed',
            occurred_at: `${ago(d)}T09:30:00Z`,
            recommendation_id: id,
            seller_id: rep,
          },
        )
      }
    }
  const report = await ingestItems(
    db,
    raw.map((event, index) => ({ index, raw: event })),
  )
  expect(report.rejected).toEqual([])
  const user = { id: admin.id, email: 'admin@example.test', role: 'admin' } as any
  await createModule(db, user, initiative.id, {
    intent: 'module',
    key: 'intro-course',
    title: 'Intro',
    kind: 'course',
  })
  await createModule(db, user, initiative.id, {
    intent: 'module',
    key: 'micro-tip',
    title: 'Tip',
    kind: 'microlearning',
  })
  key = (await createApiKey(db, { id: null, label: 'test' }, { name: 'lms', scopes: ['training:write'] }))
    .secret
})

function completions() {
  return Object.entries(DONE).flatMap(([rep, [course, micro]]) => [
    ...(course === null ? [] : [{ module_key: 'intro-course', seller_id: rep, completed_on: ago(course) }]),
    ...(micro === null ? [] : [{ module_key: 'micro-tip', seller_id: rep, completed_on: ago(micro) }]),
  ])
}

async function api(payload: unknown, contentType = 'application/json') {
  const response = (await run(
    apiAction,
    buildRequest('/api/v1/training-completions', {
      body: JSON.stringify(payload),
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': contentType },
    }),
  )) as Response
  const body = (await response.json()) as any
  // Every answer is the one the OpenAPI document promises for its status.
  const schema = jsonSchemaOf('post', '/api/v1/training-completions', String(response.status))
  expect(schema.safeParse(body).error?.issues ?? []).toEqual([])
  expect(undeclaredKeys(schema, body, 'output')).toEqual([])
  return { status: response.status, body }
}

async function page(user: { id: string }) {
  return (await run(
    trainingLoader,
    buildRequest(`/initiatives/${initiative.id}/training`, { cookie: await sessionCookieFor(user.id) }),
    { initiativeId: initiative.id },
  )) as any
}

async function post(user: { id: string }, form: Record<string, string>) {
  return run(
    trainingAction,
    buildRequest(`/initiatives/${initiative.id}/training`, { form, cookie: await sessionCookieFor(user.id) }),
    { initiativeId: initiative.id },
  )
}

/** The figures recomputed from DONE and the generated activity. */
function reference() {
  const trainedOn = (rep: string) => {
    const [a, b] = DONE[rep]!
    return a === null || b === null ? null : ago(Math.min(a, b))
  }
  const daysToActive = (rep: string) => {
    const on = trainedOn(rep)
    if (!on) return null
    for (let t = Date.parse(on); t < Date.parse(TODAY); t += DAY)
      if (active.has(`${rep}|${new Date(t).toISOString().slice(0, 10)}`)) return (t - Date.parse(on)) / DAY
    return null
  }
  const group = (reps: string[]) => {
    const trained = reps.filter((rep) => trainedOn(rep))
    const days = trained.map(daysToActive).filter((d): d is number => d !== null)
    return {
      reps: reps.length,
      trained: trained.length,
      completion_rate: trained.length / reps.length,
      mean_days_to_active: days.length ? days.reduce((a, b) => a + b, 0) / days.length : null,
      waiting: trained.length - days.length,
    }
  }
  const share = (rep: string) => {
    let n = 0
    for (let d = 28; d >= 1; d--) if (active.has(`${rep}|${ago(d)}`)) n++
    return n / 28
  }
  const windowStart = ago(28)
  const a = REPS.filter((rep) => trainedOn(rep) !== null && trainedOn(rep)! < windowStart).map(share)
  const b = REPS.filter((rep) => trainedOn(rep) === null).map(share)
  const m = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
  const v = (xs: number[]) => xs.reduce((s, x) => s + (x - m(xs)) ** 2, 0) / (xs.length - 1)
  const difference = m(a) - m(b)
  const margin = 1.96 * Math.sqrt(v(a) / a.length + v(b) / b.length)
  return {
    north: group(NORTH),
    south: group(SOUTH),
    total: group(REPS),
    comparison: {
      trained: a.length,
      untrained: b.length,
      difference,
      low: difference - margin,
      high: difference + margin,
    },
  }
}

describe('completions come in by API, CSV and hand, once each', () => {
  test('the API stores valid rows, reports the rest by index, and a resend is all duplicates', async () => {
    const rows = completions()
    const half = rows.slice(0, 8)
    const bad = [
      { module_key: 'nope', seller_id: 'N1', completed_on: ago(3) },
      { module_key: 'micro-tip', seller_id: 'ZZ', completed_on: ago(3) },
      { module_key: 'micro-tip', seller_id: 'N6', completed_on: '2026-02-30' },
      { module_key: 'micro-tip', seller_id: 'N6', completed_on: '2999-01-01' },
    ]
    const first = await api([...half, ...bad])
    expect(first.status).toBe(200)
    expect(first.body).toEqual({
      accepted: 8,
      duplicates: 0,
      rejected: [
        { index: 8, errors: ['module_key names no training module'] },
        { index: 9, errors: ['seller_id is not in the roster'] },
        { index: 10, errors: ['completed_on must be a date (YYYY-MM-DD)'] },
        { index: 11, errors: ['completed_on is in the future'] },
      ],
    })
    const again = await api(half)
    expect(again.body).toEqual({ accepted: 0, duplicates: 8, rejected: [] })
    expect((await api({ not: 'an array' })).status).toBe(400)
    expect((await api(half, 'text/plain')).status).toBe(415)
    const audits = await db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'training.completions.record')
      .execute()
    expect(audits).toHaveLength(1)
  })

  test('the CSV import stores the rest, lists refused lines, and a manual completion is audited', async () => {
    const rows = completions().slice(8)
    const manual = rows.pop()!
    const csv = [
      'module_key,seller_id,completed_on',
      ...rows.map((row) => `${row.module_key},${row.seller_id},${row.completed_on}`),
      `intro-course,NOPE,${ago(1)}`,
    ].join('\n')
    const form = new FormData()
    form.set('file', new File([csv], 'completions.csv', { type: 'text/csv' }))
    const request = new Request(new URL(`/initiatives/${initiative.id}/training/import`, ORIGIN), {
      method: 'POST',
      body: form,
      headers: { Cookie: await sessionCookieFor(lead.id), Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
    })
    const answer = (await run(importAction, request, { initiativeId: initiative.id })) as any
    expect(answer.data.report).toEqual({
      accepted: rows.length,
      duplicates: 0,
      rejected: 1,
      issues: [{ line: rows.length + 2, errors: ['unknown_seller'] }],
    })
    const refused = await post(lead, {
      intent: 'completion',
      module_key: 'micro-tip',
      seller_id: 'QQ',
      completed_on: ago(1),
    })
    expect(statusOf(refused)).toBe(400)
    expect((refused as any).data.fieldErrors.seller_id).toEqual(['This seller ID is not in the roster.'])
    const saved = await post(lead, { intent: 'completion', ...manual })
    expect(statusOf(saved)).toBe(302)
    const count = await db
      .selectFrom('training_completions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(completions().length)
  })
})

describe('the figures equal the recomputation', () => {
  test('per team, in total, per rep, and trained against untrained', async () => {
    const ref = reference()
    const answer = await page(admin)
    const { view } = answer
    const team = (name: string) => view.teams.find((row: any) => row.team === name)
    for (const [name, expected] of [
      ['North', ref.north],
      ['South', ref.south],
    ] as const) {
      const row = team(name)
      expect(row.reps).toBe(expected.reps)
      expect(row.trained).toBe(expected.trained)
      expect(row.completion_rate).toBeCloseTo(expected.completion_rate, 12)
      expect(row.waiting).toBe(expected.waiting)
      if (expected.mean_days_to_active === null) expect(row.mean_days_to_active).toBeNull()
      else expect(row.mean_days_to_active).toBeCloseTo(expected.mean_days_to_active, 12)
    }
    expect(view.total.trained).toBe(5)
    expect(view.total.completion_rate).toBeCloseTo(5 / 9, 12)
    expect(view.reps.map((rep: any) => rep.seller_id).sort()).toEqual([...REPS].sort())
    expect(view.reps.find((rep: any) => rep.seller_id === 'N5')).toMatchObject({
      completed: 1,
      completion_rate: 0.5,
      trained_on: null,
    })
    expect(view.reps.find((rep: any) => rep.seller_id === 'N3')).toMatchObject({ trained_on: ago(45) })
    // Trained before the window: N1–N4 (N4 on day −31); S1 (day −10) is left out; untrained: N5, N6, S2, S3.
    expect(view.comparison).toMatchObject({ trained: 4, untrained: 4, suppressed: false })
    expect(view.comparison.difference).toBeCloseTo(ref.comparison.difference, 12)
    expect(view.comparison.low).toBeCloseTo(ref.comparison.low, 12)
    expect(view.comparison.high).toBeCloseTo(ref.comparison.high, 12)
  })

  test('a viewer sees no rep and no small team; the lead sees the pilot’s reps one by one', async () => {
    const asViewer = (await page(viewer)).view
    expect(asViewer.reps).toEqual([])
    expect(asViewer.teams.find((row: any) => row.team === 'South')).toMatchObject({
      suppressed: true,
      trained: null,
    })
    expect(asViewer.teams.find((row: any) => row.team === 'North')).toMatchObject({
      suppressed: false,
      reps: 6,
    })
    expect(asViewer.comparison).toMatchObject({ suppressed: true, difference: null })
    const asLead = (await page(lead)).view
    expect(asLead.reps.map((rep: any) => rep.seller_id)).toEqual(['N1', 'N2', 'S2'])
  })
})

describe('the checklist judges training and frontline managers from data', () => {
  test('against the program’s thresholds, set by an admin and audited', async () => {
    const checklist = async () => {
      const sections = await evaluateChecklist(db, {
        ...initiative,
        lead_id: lead.id,
        sponsor_id: null,
        lead_name: null,
        sponsor_name: null,
      })
      const items = sections.find((section) => section.action === 'change')!.items
      return Object.fromEntries(items.map((item) => [item.key, item]))
    }
    // No manager engaged yet: NM opens the coaching view and logs an action for N1; SM only looks.
    const visit = async (user: { id: string }) =>
      run(coachingLoader, buildRequest('/team/coaching', { cookie: await sessionCookieFor(user.id) }))
    await visit(northManager)
    await visit(southManager)
    let items = await checklist()
    expect(items.frontlineManagers).toMatchObject({
      source: 'data',
      met: false,
      detail: { covered: 0, reps: 3 },
    })
    const logged = await run(
      coachingAction,
      buildRequest('/team/coaching', {
        form: { seller_id: 'N1', kind: 'conversation', done_on: TODAY },
        cookie: await sessionCookieFor(northManager.id),
      }),
    )
    expect(statusOf(logged)).toBe(302)
    items = await checklist()
    // N1 and N2 have an engaged manager, S2 not: 2 of 3, under the default 80 %.
    expect(items.frontlineManagers).toMatchObject({
      met: false,
      detail: { covered: 2, reps: 3, engaged: 1, managers: 2 },
    })
    expect(items.frontlineManagers!.detail.share).toBeCloseTo(2 / 3, 12)
    expect(items.training).toMatchObject({
      source: 'data',
      met: false,
      detail: { trained: 5, reps: 9, modules: 2 },
    })
    expect(items.variablePay!.source).toBe('data')

    const thresholds = { intent: 'thresholds', training_threshold_pct: '55', managers_threshold_pct: '66' }
    expect(statusOf(await post(lead, thresholds))).toBe(403)
    expect(statusOf(await post(admin, { ...thresholds, training_threshold_pct: '101' }))).toBe(400)
    expect(statusOf(await post(admin, thresholds))).toBe(302)
    items = await checklist()
    expect(items.training).toMatchObject({ met: true, detail: { threshold: 0.55 } })
    expect(items.frontlineManagers).toMatchObject({ met: true, detail: { threshold: 0.66 } })
    const audit = await db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'change.thresholds.save')
      .executeTakeFirstOrThrow()
    expect(audit.before).toEqual({ training_threshold_pct: 80, managers_threshold_pct: 80 })
    expect(audit.after).toEqual({ training_threshold_pct: 55, managers_threshold_pct: 66 })
  })
})
