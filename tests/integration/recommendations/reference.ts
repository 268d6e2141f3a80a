// A deliberately plain recomputation of the funnel and adoption from the raw events, straight from the
// issue's definitions, with no SQL and nothing shared with the app's implementation: the oracle the
// integration tests compare the API against.

export type RawEvent = Record<string, string | number | undefined> & {
  event_id: string
  type: string
  occurred_at: string
  recommendation_id: string
  seller_id: string
}
export type RosterRep = {
  seller_id: string
  region: string
  segment: string
  team: string
  manager_id: string | null
  tech_affinity: string
  eligible: boolean
  left: boolean
}

const formatters = new Map<string, Intl.DateTimeFormat>()
export function localDay(instant: string | Date, timeZone: string) {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter.format(new Date(instant))
}

function mondayOf(day: string) {
  const date = new Date(`${day}T00:00:00Z`)
  const shift = (date.getUTCDay() + 6) % 7
  return new Date(date.getTime() - shift * 86_400_000).toISOString().slice(0, 10)
}

const byTime = (a: RawEvent, b: RawEvent) =>
  Date.parse(a.occurred_at) - Date.parse(b.occurred_at) ||
  (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0)

function unique(events: RawEvent[]) {
  const seen = new Map<string, RawEvent>()
  for (const event of events) if (!seen.has(event.event_id)) seen.set(event.event_id, event)
  return [...seen.values()]
}

export function referenceFunnel(
  events: RawEvent[],
  roster: RosterRep[],
  opts: { from: string; to: string; timezone: string; group_by?: string },
) {
  const all = unique(events)
  const byRec = new Map<string, RawEvent[]>()
  for (const event of all)
    byRec.set(event.recommendation_id, [...(byRec.get(event.recommendation_id) ?? []), event])
  type Counts = Record<
    'generated' | 'shown' | 'viewed' | 'accepted' | 'rejected' | 'actioned' | 'opportunities' | 'won',
    number
  > & {
    won_amount: Record<string, number>
  }
  const groups = new Map<string, Counts>()
  for (const recEvents of byRec.values()) {
    const generated = recEvents.filter((e) => e.type === 'generated').sort(byTime)[0]
    if (!generated) continue
    const day = localDay(generated.occurred_at, opts.timezone)
    if (day < opts.from || day >= opts.to) continue
    const rep = roster.find((r) => r.seller_id === generated.seller_id)
    const has = (type: string) => recEvents.some((e) => e.type === type)
    const decision = recEvents
      .filter((e) => e.type === 'accepted' || e.type === 'rejected')
      .sort(byTime)
      .at(-1)
    const key = (() => {
      switch (opts.group_by) {
        case undefined:
          return 'total'
        case 'recommendation_type':
          return String(generated.recommendation_type)
        case 'model_version':
          return generated.model_version ? String(generated.model_version) : 'unknown'
        case 'explanation':
          return generated.explanation ? 'with' : 'without'
        case 'seller':
          return generated.seller_id
        case 'week':
          return mondayOf(day)
        case 'manager':
          return rep?.manager_id ?? 'unknown'
        default:
          return rep ? String(rep[opts.group_by as keyof RosterRep]) : 'unknown'
      }
    })()
    const entry: Counts = groups.get(key) ?? {
      generated: 0,
      shown: 0,
      viewed: 0,
      accepted: 0,
      rejected: 0,
      actioned: 0,
      opportunities: 0,
      won: 0,
      won_amount: {},
    }
    entry.generated += 1
    if (has('shown')) entry.shown += 1
    if (has('viewed')) entry.viewed += 1
    if (decision?.type === 'accepted') entry.accepted += 1
    if (decision?.type === 'rejected') entry.rejected += 1
    if (has('actioned')) entry.actioned += 1
    if (has('opportunity_created')) entry.opportunities += 1
    if (has('opportunity_won')) entry.won += 1
    for (const won of recEvents.filter((e) => e.type === 'opportunity_won')) {
      const currency = String(won.currency)
      entry.won_amount[currency] = (entry.won_amount[currency] ?? 0) + Number(won.amount)
    }
    groups.set(key, entry)
  }
  return groups
}

export function referenceAdoption(
  events: RawEvent[],
  roster: RosterRep[],
  opts: { from: string; to: string; timezone: string; group_by?: string },
) {
  const days = Math.round((Date.parse(opts.to) - Date.parse(opts.from)) / 86_400_000)
  const windows = Math.ceil(days / 7)
  const eligible = roster.filter((rep) => rep.eligible && !rep.left)
  const activity = unique(events).filter((e) =>
    ['viewed', 'accepted', 'rejected', 'actioned'].includes(e.type),
  )
  const result = new Map<
    string,
    { eligible: number; active: number; activeDays: number; activeWeeks: number }
  >()
  for (const rep of eligible) {
    const key = !opts.group_by
      ? 'total'
      : opts.group_by === 'manager'
        ? (rep.manager_id ?? 'unknown')
        : String(rep[opts.group_by as keyof RosterRep])
    const entry = result.get(key) ?? { eligible: 0, active: 0, activeDays: 0, activeWeeks: 0 }
    const repDays = new Set(
      activity
        .filter((e) => e.seller_id === rep.seller_id)
        .map((e) => localDay(e.occurred_at, opts.timezone))
        .filter((day) => day >= opts.from && day < opts.to),
    )
    const repWeeks = new Set(
      [...repDays].map((day) => Math.floor((Date.parse(day) - Date.parse(opts.from)) / (7 * 86_400_000))),
    )
    entry.eligible += 1
    if (repDays.size) entry.active += 1
    entry.activeDays += repDays.size
    entry.activeWeeks += repWeeks.size
    result.set(key, entry)
  }
  return new Map(
    [...result].map(([key, e]) => [
      key,
      {
        eligible: e.eligible,
        active: e.active,
        adoption_rate: e.eligible ? e.active / e.eligible : null,
        avg_daily_active: e.activeDays / days,
        avg_weekly_active: e.activeWeeks / windows,
        stickiness: e.active ? e.activeDays / days / e.active : null,
      },
    ]),
  )
}
