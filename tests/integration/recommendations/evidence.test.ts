import { beforeAll, expect, test } from 'vitest'
import type { RecommendationEvent } from '~/models/recommendations/event.schema'
import { storeEvents } from '~/models/recommendations/ingest.server'
import { explanationEvidence, modelVersionEvidence } from '~/models/recommendations/insights.server'
import { db } from '~/utils/db.server'
import { createProgram } from '#tests/factories'

// Model versions compared within the weeks both ran, a missing version never a version (issue 18).
// By hand: week of 2026-10-05 v1 and v2 each accept 1 of 4; week of 2026-10-12 each 3 of 4; the week
// of 2026-10-19 only v2 ran, 4 of 4. Naive: v2 8/12 = 66.7 % against v1 4/8 = 50 %. Within weeks:
// week 1 a = 1, b = 3, c = 1, d = 3, n = 8 → R = ad/n = 3/8, S = bc/n = 3/8; week 2 the same; the third
// week has no v1 → OR_MH = (3/8 + 3/8) / (3/8 + 3/8) = 1, and the difference within weeks is 0.

const TIMEZONE = 'UTC'
let sequence = 0

function recommendation(
  version: string | null,
  rep: string,
  day: string,
  accepted: boolean,
  explained = false,
) {
  const id = `rec-${++sequence}`
  const base = {
    recommendation_id: id,
    seller_id: rep,
    recommendation_type: 'cross_sell',
    model_version: version,
    explanation: explained ? 'Similar customers bought it.' : null,
    account_id: null,
    reason_code: null,
    reason_text: null,
    amount: null,
    currency: null,
  }
  return [
    { ...base, event_id: `${id}-g`, type: 'generated', occurred_at: `${day}T09:00:00Z` },
    {
      ...base,
      event_id: `${id}-d`,
      type: accepted ? 'accepted' : 'rejected',
      occurred_at: `${day}T10:00:00Z`,
      reason_code: accepted ? null : 'not_relevant',
    },
  ] satisfies RecommendationEvent[]
}

const times = (count: number, make: () => RecommendationEvent[]) => Array.from({ length: count }, make).flat()

beforeAll(async () => {
  await createProgram({ name: 'Reporting program', reporting_timezone: TIMEZONE })
  await storeEvents(db, [
    ...times(1, () => recommendation('v1', 'r1', '2026-10-05', true)),
    ...times(3, () => recommendation('v1', 'r1', '2026-10-06', false)),
    ...times(1, () => recommendation('v2', 'r2', '2026-10-05', true)),
    ...times(3, () => recommendation('v2', 'r2', '2026-10-07', false)),
    ...times(3, () => recommendation('v1', 'r1', '2026-10-12', true)),
    ...times(1, () => recommendation('v1', 'r3', '2026-10-13', false)),
    ...times(3, () => recommendation('v2', 'r2', '2026-10-12', true)),
    ...times(1, () => recommendation('v2', 'r4', '2026-10-14', false)),
    ...times(4, () => recommendation('v2', 'r2', '2026-10-19', true)),
    // No version: left out, not a version called "unknown" between v1 and v2.
    ...times(2, () => recommendation(null, 'r1', '2026-10-08', true)),
  ])
})

test('versions are compared within the weeks both ran; a missing version is not a version', async () => {
  const versions = await modelVersionEvidence(db, { from: '2026-10-01', to: '2026-10-26' }, TIMEZONE)
  expect(versions.map((version) => [version.version, version.previous])).toEqual([
    ['v1', null],
    ['v2', 'v1'],
  ])
  const v2 = versions[1]!
  expect(v2.comparison!.acceptance.a.rate).toBeCloseTo(8 / 12, 12)
  expect(v2.comparison!.acceptance.b.rate).toBeCloseTo(4 / 8, 12)
  expect(v2.adjusted!.acceptance.oddsRatio!.oddsRatio).toBeCloseTo(1, 12)
  expect(v2.adjusted!.acceptance.oddsRatio!.strata).toBe(2)
  expect(v2.adjusted!.acceptance.difference!.difference).toBeCloseTo(0, 12)
})

test('explanations are compared within tech affinity × segment too', async () => {
  const evidence = await explanationEvidence(db, { from: '2026-10-01', to: '2026-10-26' }, TIMEZONE)
  // No recommendation had an explanation: no adjusted figure, not a made-up one.
  expect(evidence.adjusted.acceptance.oddsRatio).toBeNull()
  expect(evidence.acceptance.b.n).toBe(22)
})
