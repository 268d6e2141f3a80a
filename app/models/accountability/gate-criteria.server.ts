import type { Executor } from '~/utils/db.server'
import type { Stage } from '~/utils/db.types'
import { listCyclesFor } from '../delivery/cycle.server'
import { kpiStatusesFor } from '../kpi/evidence.server'
import { recommendationAdoption } from '../recommendations/adoption.server'
import { healthConfigFor } from '../sponsor/health-settings.server'
import { addDays } from '~/utils/calendar'
import { evaluateChecklistFor } from './checklist.server'
import { GATE_CRITERIA, type GateCriterionKey } from './gate.schema'
import type { GateCriterion } from './tables'

// A stage gate's criteria judged from the data where the portal holds it, each with the facts behind
// the verdict, read through the owning area's exported functions: the checklist's verdicts (sponsor,
// team coverage, approved case, KPIs defined, EET representativeness), KPI state (pilot KPIs on
// track), the recommendation tool's adoption (company-wide, last 28 days, against the program's own
// adoption threshold: the "good" adoption rate of its health settings, /portfolio/settings), and the 10/10/10 cycles' phase outcomes (delivery). The other criteria are attested by
// the lead with a note. Definitions: docs/metrics.md, "Stage-gate criteria".

const ADOPTION_DAYS = 28

export const DATA_CRITERIA = [
  'problemDefined',
  'sponsorAssigned',
  'teamFormed',
  'caseApproved',
  'kpisDefined',
  'eetRecruited',
  'mvpReady',
  'pilotKpisMet',
  'adoptionTarget',
  'pilotDecision',
] as const satisfies readonly GateCriterionKey[]

export function isDataCriterion(key: string) {
  return (DATA_CRITERIA as readonly string[]).includes(key)
}

type Initiative = {
  id: string
  program_id: string
  lead_id: string | null
  sponsor_id: string | null
  lead_name: string | null
  sponsor_name: string | null
}
type Verdict = { met: boolean; detail: Record<string, string | number>; evidence: string }

/**
 * The gate's criteria as of `today`: data criteria evaluated, attested ones taken from `attested`
 * (the lead's ticks and notes on the request; unmet when not ticked).
 */
export async function evaluateGateCriteria(
  db: Executor,
  initiative: Initiative,
  to: Stage,
  today: string,
  attested: readonly GateCriterion[] = [],
): Promise<GateCriterion[]> {
  const keys: readonly GateCriterionKey[] = GATE_CRITERIA[to]
  const needs = (...wanted: GateCriterionKey[]) => wanted.some((key) => keys.includes(key))
  const base = `/initiatives/${initiative.id}`
  const [checklist, cycles, kpis, adoption] = await Promise.all([
    needs('sponsorAssigned', 'teamFormed', 'caseApproved', 'kpisDefined', 'eetRecruited')
      ? evaluateChecklistFor(db, [initiative]).then((map) => map.get(initiative.id)!)
      : null,
    needs('problemDefined', 'mvpReady', 'pilotDecision')
      ? listCyclesFor(db, [initiative.id], today).then((map) => map.get(initiative.id) ?? [])
      : null,
    needs('pilotKpisMet') ? kpiStatusesFor(db, initiative.program_id, [initiative.id], today) : null,
    needs('adoptionTarget')
      ? Promise.all([
          recommendationAdoption(db, { from: addDays(today, 1 - ADOPTION_DAYS), to: addDays(today, 1) }),
          healthConfigFor(db, initiative.program_id),
        ]).then(([figures, config]) => ({ figures, threshold: config.inputs.adoptionRate.good }))
      : null,
  ])
  const fromChecklist = (item: string): Verdict => {
    const found = checklist!.flatMap((section) => section.items).find((entry) => entry.key === item)!
    return { met: found.met === true, detail: found.detail, evidence: found.evidence ?? base }
  }
  const closedPhase = (phase: 'frame' | 'design' | 'pilot') =>
    (cycles ?? [])
      .flatMap((cycle) => cycle.phases.map((p) => ({ ...p, cycle: cycle.number })))
      .filter((p) => p.phase === phase && p.closed_on !== null)
      .sort((a, b) => (a.closed_on! < b.closed_on! ? -1 : 1))
      .at(-1)
  const phaseVerdict = (phase: 'frame' | 'design'): Verdict => {
    const closed = closedPhase(phase)
    return {
      met: Boolean(closed?.outcome),
      detail: { cycle: closed?.cycle ?? 0, closed: closed?.closed_on ?? '—' },
      evidence: `${base}/cycle`,
    }
  }
  const verdicts: Partial<Record<GateCriterionKey, () => Verdict>> = {
    problemDefined: () => phaseVerdict('frame'),
    mvpReady: () => phaseVerdict('design'),
    pilotDecision: () => {
      const closed = closedPhase('pilot')
      return {
        met: closed?.decision === 'scale',
        detail: { cycle: closed?.cycle ?? 0, decision: closed?.decision ?? 'none' },
        evidence: `${base}/cycle`,
      }
    },
    sponsorAssigned: () => fromChecklist('sponsor'),
    teamFormed: () => fromChecklist('teamCoverage'),
    caseApproved: () => fromChecklist('businessCase'),
    kpisDefined: () => fromChecklist('kpis'),
    eetRecruited: () => fromChecklist('eet'),
    pilotKpisMet: () => {
      const judged = kpis!.filter((kpi) => kpi.status !== 'no_target')
      const onTrack = judged.filter((kpi) => kpi.status === 'on_track').length
      return {
        met: judged.length > 0 && onTrack === judged.length,
        detail: { onTrack, total: judged.length },
        evidence: `${base}/kpis`,
      }
    },
    adoptionTarget: () => {
      const { figures, threshold } = adoption!
      const rate = figures.total.adoption_rate
      return {
        met: rate !== null && rate >= threshold,
        detail: {
          rate: rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`,
          threshold: `${Math.round(threshold * 1000) / 10}%`,
          days: ADOPTION_DAYS,
        },
        evidence: '/recommendations/adoption',
      }
    },
  }
  return keys.map((key): GateCriterion => {
    const verdict = verdicts[key]
    if (verdict) return { key, source: 'data', ...verdict() }
    const attestation = attested.find((criterion) => criterion.key === key)
    return { key, source: 'attested', met: attestation?.met ?? false, note: attestation?.note ?? '' }
  })
}
