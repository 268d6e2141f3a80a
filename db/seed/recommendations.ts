import type { Transaction } from 'kysely'
import type { RecommendationEvent, ReasonCode } from '~/models/recommendations/event.schema'
import { storeEvents } from '~/models/recommendations/ingest.server'
import { project, rebuildActivity, rebuildRollup } from '~/models/recommendations/projection.server'
import { reportingProgram } from '~/models/foundation/reporting-program.server'
import type { DB } from '~/utils/db.types'
import type { DemoContext } from './demo'

// Four months of the Daily Recommender's events for the demo roster (the reps of `sellers`, seeded by
// db/seed/eet.ts; without a roster, 36 reps that show as "unknown"). Shaped after the article: with an
// explanation about one in three shown recommendations becomes an opportunity, without one far fewer;
// model 2.0 (from mid-period) explains more often; reps reject with structured reasons. Deterministic.
// Stored through the same statement as the API, so the state rows are exactly what ingest would build.

const DAYS = 120
const TYPES = ['cross_sell', 'renewal_risk', 'upsell_seats', 'competitor_alert', 're_engage'] as const
const REASONS: [ReasonCode, number][] = [
  ['not_relevant', 0.24],
  ['already_in_progress', 0.2],
  ['bad_timing', 0.18],
  ['customer_not_ready', 0.14],
  ['price_or_affordability', 0.1],
  ['wrong_data', 0.09],
  ['other', 0.05],
]
const REASON_TEXT: Partial<Record<ReasonCode, string>> = {
  already_in_progress: 'Already talking to them about the renewal.',
  wrong_data: 'Seat count is out of date in CRM.',
  price_or_affordability: 'Budget frozen until next fiscal year.',
  not_relevant: 'They moved off this product line last quarter.',
}
const EXPLANATIONS = [
  'Customers with similar purchase patterns added these seats within three months.',
  '27 of its employees engaged 34 times with our marketing; a competitor has been in touch.',
  'Licence usage is above 90% and the renewal is in 60 days.',
]
const ENGAGEMENT: Record<string, number> = { enthusiast: 0.92, reluctant: 0.7, avoider: 0.45, unknown: 0.75 }

function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An instant as RFC 3339 in Taipei time (+08:00), as the recommendation tool sends it. */
function taipei(ms: number) {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`
}

export async function seedRecommendations(trx: Transaction<DB>, _ctx: DemoContext, now = new Date()) {
  const random = prng(20180301)
  const chance = (p: number) => random() < p
  const roster = await trx
    .selectFrom('sellers')
    .select(['seller_id', 'tech_affinity'])
    .where('left_at', 'is', null)
    .orderBy('seller_id')
    .execute()
  const reps = roster.length
    ? roster.map((rep) => ({ id: rep.seller_id, engagement: ENGAGEMENT[rep.tech_affinity] ?? 0.75 }))
    : Array.from({ length: 36 }, (_, i) => ({
        id: `AE-${String(i + 1).padStart(3, '0')}`,
        engagement: 0.5 + random() * 0.45,
      }))

  const perRepDay = Math.min(2, 8000 / (reps.length * DAYS * (5 / 7)))
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const events: RecommendationEvent[] = []
  let serial = 0
  for (let day = DAYS; day >= 1; day--) {
    const midnightTaipei = today - day * 86_400_000 - 8 * 3_600_000
    const weekday = new Date(midnightTaipei + 8 * 3_600_000).getUTCDay()
    if (weekday === 0 || weekday === 6) continue
    const v2 = day < DAYS / 2
    for (const rep of reps) {
      // Reps ease in: fewer active days early on, more as the tool earns trust.
      const active = chance(rep.engagement * (0.75 + 0.25 * (1 - day / DAYS)))
      // About 8,000 recommendations in all, whatever the roster's size (a demo, not a load test).
      const count = Math.floor(perRepDay + random())
      for (let n = 0; n < count; n++) {
        const id = `rec-${++serial}`
        const base = {
          recommendation_id: id,
          seller_id: rep.id,
          account_id: `ACC-${1000 + Math.floor(random() * 400)}`,
        }
        const blank = {
          recommendation_type: null,
          model_version: null,
          explanation: null,
          reason_code: null,
          reason_text: null,
          amount: null,
          currency: null,
        }
        let k = 0
        const at = midnightTaipei + (7 * 60 + random() * 60) * 60_000
        const push = (
          type: RecommendationEvent['type'],
          offsetMinutes: number,
          extra: Partial<RecommendationEvent> = {},
        ) => {
          const when = at + offsetMinutes * 60_000
          if (when > now.getTime()) return false
          events.push({
            ...blank,
            ...base,
            event_id: `${id}-${k++}`,
            type,
            occurred_at: taipei(when),
            ...extra,
          } as RecommendationEvent)
          return true
        }
        const explained = chance(v2 ? 0.75 : 0.4)
        push('generated', 0, {
          recommendation_type: TYPES[Math.floor(random() * TYPES.length)]!,
          model_version: v2 ? '2.0' : '1.3',
          explanation: explained ? EXPLANATIONS[Math.floor(random() * EXPLANATIONS.length)]! : null,
        })
        if (!chance(0.95) || !push('shown', 30)) continue
        if (!active || !chance(0.95) || !push('viewed', 60 + random() * 240)) continue
        if (!chance(0.95)) continue
        const accepts = chance(explained ? 0.75 : 0.55)
        if (!accepts) {
          let reasonDraw = random()
          const reason = REASONS.find(([, weight]) => (reasonDraw -= weight) < 0)?.[0] ?? 'other'
          push('rejected', 300, {
            reason_code: reason,
            reason_text: chance(0.4) ? (REASON_TEXT[reason] ?? null) : null,
          })
          continue
        }
        if (!push('accepted', 300)) continue
        if (chance(0.85)) push('actioned', 60 * 24)
        if (!chance(explained ? 0.85 : 0.6)) continue
        const amount = Math.round(30_000 + random() * 570_000)
        if (!push('opportunity_created', 60 * 24 * 3, { amount, currency: 'TWD' })) continue
        const outcome = random()
        if (outcome < 0.35)
          push('opportunity_won', 60 * 24 * (20 + random() * 40), { amount, currency: 'TWD' })
        else if (outcome < 0.75) push('opportunity_lost', 60 * 24 * (20 + random() * 40))
      }
    }
  }
  for (let start = 0; start < events.length; start += 5000)
    await storeEvents(trx, events.slice(start, start + 5000))
  // Built now, so the first dashboard request does not have to.
  await project(trx)
  const { timezone } = await reportingProgram(trx)
  await rebuildRollup(trx, timezone)
  await rebuildActivity(trx, timezone)
}
