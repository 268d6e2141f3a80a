/* eslint-disable @typescript-eslint/no-explicit-any -- loader and API answers, read as text below */
import { beforeAll, describe, expect, test } from 'vitest'
import { createApiKey } from '~/models/foundation/api-key.server'
import { ingestItems } from '~/models/recommendations/ingest.server'
import { loader as adoptionApi } from '~/routes/api.v1.metrics.adoption'
import { loader as funnelApi } from '~/routes/api.v1.metrics.recommendation-funnel'
import { loader as boardPack } from '~/routes/portfolio.board-pack'
import { loader as portfolioExport } from '~/routes/portfolio.export.$table'
import { loader as portfolioPage } from '~/routes/portfolio._index'
import { loader as reportPage } from '~/routes/portfolio.report'
import { loader as adoptionPage } from '~/routes/recommendations.adoption'
import { loader as explanationsPage } from '~/routes/recommendations.explanations'
import { loader as funnelPage } from '~/routes/recommendations._index'
import { loader as rejectionsExport } from '~/routes/recommendations.rejections.export'
import { loader as rejectionsPage } from '~/routes/recommendations.rejections'
import { EXPORT_TABLES } from '~/models/sponsor/portfolio-export.server'
import { addDays, todayIn } from '~/utils/calendar'
import { db } from '~/utils/db.server'
import { addMember, createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor } from '#tests/support/requests'

// Small-group suppression swept over every page, export and API answer that carries a figure about
// reps, with a sales force of only 4 reps: whatever a figure counts, it is about fewer than 5. Each
// entry names the figures the data makes distinctive (hand counts below); an administrator's answer
// shows them (so the check can fail), a viewer's, a sponsor's and an API key's without metrics:reps
// must not. A manager has no company-wide page (403), checked too.
//
// Hand counts, all on one day D (5 days ago) so they fall in the page range, the portfolio's last
// 28 days and the report's month: S1–S3 get 6 rejected recommendations each and S4 5 → 23 rejections
// (token 23); each rep also gets 3 more viewed only → 23 + 12 = 35 generated (token 35); the first 3
// of every rep's recommendations carry an explanation, the rest not; all on model v7 after v6 (one each
// on the day before, by the same reps). Pilot feedback: 4 EET reps rate usefulness 5, 5, 4, 3 → mean
// 4.25 (token 4.25). Tokens are numbers not inside a date or a time.

const REPS = ['S1', 'S2', 'S3', 'S4']
let today = ''
let day = ''
let admin: { id: string }
let viewer: { id: string }
let sponsor: { id: string }
let manager: { id: string }
let plainKey = ''
let programId = ''

beforeAll(async () => {
  const program = await createProgram({ reporting_timezone: 'UTC' })
  programId = program.id
  today = todayIn('UTC')
  day = addDays(today, -5)
  admin = await createUser({ role: 'admin' })
  viewer = await createUser({ role: 'viewer' })
  sponsor = await createUser({ role: 'sponsor' })
  manager = await createUser({ role: 'manager' })
  const lead = await createUser({ role: 'lead' })
  const initiative = await createInitiative({
    programId,
    leadId: lead.id,
    sponsorId: sponsor.id,
    stage: 'scale',
  })
  await db
    .insertInto('sellers')
    .values(
      REPS.map((id) => ({ seller_id: id, name: id, team: 'T', segment: 'Core', region: 'N', role: 'AE' })),
    )
    .execute()
  const raw: Record<string, unknown>[] = []
  for (const rep of REPS) {
    const rejected = rep === 'S4' ? 5 : 6
    const older = `old-${rep}`
    raw.push({
      event_id: `${older}-g`,
      type: 'generated',
      occurred_at: `${addDays(day, -1)}T09:00:00Z`,
      recommendation_id: older,
      seller_id: rep,
      recommendation_type: 'cross_sell',
      model_version: 'v6',
    })
    for (let i = 0; i < rejected + 3; i++) {
      const id = `rec-${rep}-${i}`
      const at = (m: number) => `${day}T10:${String(m).padStart(2, '0')}:00Z`
      raw.push(
        {
          event_id: `${id}-g`,
          type: 'generated',
          occurred_at: at(0),
          recommendation_id: id,
          seller_id: rep,
          recommendation_type: 'cross_sell',
          model_version: 'v7',
          ...(i < 3 ? { explanation: 'Similar customers bought it' } : {}),
        },
        { event_id: `${id}-s`, type: 'shown', occurred_at: at(1), recommendation_id: id, seller_id: rep },
        { event_id: `${id}-v`, type: 'viewed', occurred_at: at(2), recommendation_id: id, seller_id: rep },
      )
      if (i < rejected)
        raw.push({
          event_id: `${id}-r`,
          type: 'rejected',
          occurred_at: at(3),
          recommendation_id: id,
          seller_id: rep,
          reason_code: 'bad_timing',
        })
    }
  }
  const report = await ingestItems(
    db,
    raw.map((event, index) => ({ index, raw: event })),
  )
  expect(report.rejected).toEqual([])
  const ratings = [
    [5, 10],
    [5, 10],
    [4, 9],
    [3, 6],
  ]
  for (const [usefulness, recommend] of ratings) {
    const rep = await createUser({ role: 'eet_member' })
    await addMember(initiative.id, rep.id, 'eet')
    await db
      .insertInto('pilot_feedback')
      .values({
        initiative_id: initiative.id,
        submitter_id: rep.id,
        release: '1.0',
        kind: 'idea',
        usefulness: usefulness!,
        ease: 4,
        recommend: recommend!,
        title: 'Idea',
      })
      .execute()
  }
  plainKey = (
    await createApiKey(db, { id: null, label: 'test' }, { name: 'plain', scopes: ['metrics:read'] })
  ).secret
})

type Entry = {
  name: string
  loader: (args: any) => unknown
  path: () => string
  tokens: string[]
  api?: true
}
const range = () => `from=${day}&to=${addDays(day, 1)}`
const period = () => day.slice(0, 7)
// Every page, export and API answer with figures about reps (the funnel and adoption pages are also
// swept group by group in tests/integration/recommendations/privacy.test.ts).
const SWEEP: Entry[] = [
  {
    name: 'funnel page',
    loader: funnelPage,
    path: () => `/recommendations?${range()}`,
    tokens: ['35', '23'],
  },
  {
    name: 'adoption page',
    loader: adoptionPage,
    path: () => `/recommendations/adoption?${range()}`,
    tokens: ['eligible":4'],
  },
  {
    name: 'rejections page',
    loader: rejectionsPage,
    path: () => `/recommendations/rejections?${range()}`,
    tokens: ['23'],
  },
  {
    name: 'rejections CSV',
    loader: rejectionsExport,
    path: () => `/recommendations/rejections/export?${range()}`,
    tokens: ['bad_timing'],
  },
  {
    name: 'explanations page',
    loader: explanationsPage,
    path: () => `/recommendations/explanations?from=${addDays(day, -1)}&to=${addDays(day, 1)}`,
    tokens: ['"n":12', '"n":11'],
  },
  {
    name: 'portfolio page',
    loader: portfolioPage,
    path: () => `/portfolio?program=${programId}`,
    tokens: ['4.25'],
  },
  {
    name: 'period report',
    loader: reportPage,
    path: () => `/portfolio/report?program=${programId}&period=${period()}`,
    tokens: ['eligible":4'],
  },
  {
    name: 'board pack',
    loader: boardPack,
    path: () => `/portfolio/board-pack?program=${programId}&period=${period()}`,
    tokens: ['4.25', 'eligible":4'],
  },
  ...EXPORT_TABLES.map((table): Entry => ({
    name: `portfolio CSV ${table}`,
    loader: portfolioExport,
    path: () => `/portfolio/export/${table}?program=${programId}&period=${period()}`,
    tokens: table === 'health-inputs' ? ['4.25'] : [],
  })),
  {
    name: 'funnel API',
    loader: funnelApi,
    path: () => `/api/v1/metrics/recommendation-funnel?${range()}`,
    tokens: ['35', '23'],
    api: true,
  },
  {
    name: 'adoption API',
    loader: adoptionApi,
    path: () => `/api/v1/metrics/adoption?${range()}`,
    tokens: ['eligible":4'],
    api: true,
  },
]

async function answerText(entry: Entry, who: { id: string } | 'key') {
  const headers: Record<string, string> = who === 'key' ? { Authorization: `Bearer ${plainKey}` } : {}
  const cookie = who === 'key' ? undefined : await sessionCookieFor(who.id)
  const answer = (await run(entry.loader, buildRequest(entry.path(), { headers, cookie }), {
    table: entry.path().split('/portfolio/export/')[1]?.split('?')[0] ?? '',
  })) as any
  if (answer instanceof Response) return { status: answer.status, text: await answer.text() }
  return { status: 200, text: JSON.stringify(answer?.data ?? answer) }
}
const shows = (text: string, token: string) =>
  new RegExp(`(?<![\\d.-]|\\d:)${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d-]|:\\d)`).test(text)

describe('no figure about fewer than 5 reps, in every page, export and API answer', () => {
  test.each(SWEEP.map((entry) => [entry.name, entry] as const))('%s', async (_, entry) => {
    if (entry.tokens.length) {
      // The administrator (or a key with metrics:reps) sees the figures: the check below can fail.
      const full = entry.api
        ? await (async () => {
            const key = (
              await createApiKey(
                db,
                { id: null, label: 'test' },
                { name: 'reps', scopes: ['metrics:read', 'metrics:reps'] },
              )
            ).secret
            const response = (await run(
              entry.loader,
              buildRequest(entry.path(), { headers: { Authorization: `Bearer ${key}` } }),
            )) as Response
            return { status: response.status, text: await response.text() }
          })()
        : await answerText(entry, admin)
      expect(full.status, entry.name).toBe(200)
      for (const token of entry.tokens)
        expect(shows(full.text, token), `${entry.name}: admin sees ${token}`).toBe(true)
    }
    const viewers = entry.api ? (['key'] as const) : [viewer, sponsor]
    for (const who of viewers) {
      const answer = await answerText(entry, who)
      expect(answer.status, entry.name).toBe(200)
      for (const token of entry.tokens)
        expect(
          shows(answer.text, token),
          `${entry.name}: ${who === 'key' ? 'plain key' : who === viewer ? 'viewer' : 'sponsor'} sees ${token}`,
        ).toBe(false)
    }
    if (!entry.api) expect((await answerText(entry, manager)).status, `${entry.name}: manager`).toBe(403)
  })
})
