import type { RawEvent, RosterRep } from './reference'

// Generated events for the equivalence tests: a seeded generator, so a failure can be replayed.

export function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const ROSTER: RosterRep[] = Array.from({ length: 14 }, (_, i) => ({
  seller_id: `S${i}`,
  region: ['North', 'South'][i % 2]!,
  segment: ['Enterprise', 'SMB', 'Public'][i % 3]!,
  team: `Team ${i % 4}`,
  manager_id: i % 4 === 3 ? null : `M${i % 4}`,
  tech_affinity: ['avoider', 'reluctant', 'enthusiast', 'unknown'][i % 4]!,
  eligible: i % 7 !== 6,
  left: i === 5,
}))

/** ~`count` recommendations from 16 sellers (S14, S15 are not on the roster), with late, tied and repeated events. */
export function generateEvents(count: number, seed = 7): RawEvent[] {
  const random = prng(seed)
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
  const events: RawEvent[] = []
  // Around the US DST change (2026-11-01) so that America/New_York days are 23, 24 and 25 hours long.
  const start = Date.parse('2026-10-10T00:00:00Z')
  for (let r = 0; r < count; r++) {
    const rec = `rec-${r}`
    const seller = `S${Math.floor(random() * 16)}`
    const t0 = start + Math.floor(random() * 40 * 86_400_000)
    const at = (offsetMinutes: number) => new Date(t0 + offsetMinutes * 60_000).toISOString()
    let n = 0
    const push = (type: string, offset: number, extra: Record<string, string | number> = {}) =>
      events.push({
        event_id: `${rec}-${n++}`,
        type,
        occurred_at: at(offset),
        recommendation_id: rec,
        seller_id: seller,
        ...extra,
      })
    if (random() > 0.05)
      push('generated', 0, {
        recommendation_type: pick(['cross_sell', 'renewal', 'upsell']),
        ...(random() > 0.2 ? { model_version: pick(['v1', 'v2']) } : {}),
        ...(random() > 0.5 ? { explanation: 'Customers with similar purchases bought this.' } : {}),
      })
    // A second, later "generated" for a few: the earliest one decides the cohort.
    if (random() < 0.05) push('generated', 60 * 24 * 3, { recommendation_type: 'renewal' })
    if (random() < 0.85) push('shown', 5)
    if (random() < 0.7) push('viewed', 30 + random() * 600)
    const decisions = Math.floor(random() * 3)
    const tie = random() < 0.2
    for (let d = 0; d < decisions; d++) {
      const type = random() < 0.5 ? 'accepted' : 'rejected'
      push(type, tie ? 200 : 100 + random() * 5000, type === 'rejected' ? { reason_code: 'bad_timing' } : {})
    }
    if (random() < 0.4) push('actioned', 3000)
    if (random() < 0.3) push('opportunity_created', 6000, { amount: 1000, currency: 'USD' })
    if (random() < 0.15)
      push('opportunity_won', 20000 + random() * 40000, {
        amount: Math.round(random() * 100000) / 100,
        currency: pick(['USD', 'EUR']),
      })
    if (random() < 0.05) push('opportunity_won', 70000, { amount: 12.5, currency: 'USD' })
  }
  return events
}

/** Shuffled (late events) with ~10% sent twice (retries). */
export function deliveryOrder(events: RawEvent[], seed = 11): RawEvent[] {
  const random = prng(seed)
  const withRetries = [...events, ...events.filter(() => random() < 0.1)]
  for (let i = withRetries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[withRetries[i], withRetries[j]] = [withRetries[j]!, withRetries[i]!]
  }
  return withRetries
}
