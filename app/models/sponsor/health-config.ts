import { z } from 'zod'

// The one place where failure-mode health is tuned. Each failure mode of the article (slow progress,
// low adoption, results not sustained) is scored 0–100 from named inputs. Each input is turned into a
// 0–100 sub-score by a straight line between its `bad` value (scores 0) and its `good` value (scores
// 100), clamped at both ends — so "lower is better" inputs simply have good < bad. A failure-mode score
// is the weighted mean of the sub-scores of the inputs that have data; inputs without data are left out
// and the remaining weights re-normalised (never guessed). Bands: score ≥ green → green, ≥ amber →
// amber, otherwise red. Programs may override any weight, good/bad value or band (health_settings table,
// edited by admins on /portfolio/settings); what is not overridden comes from the defaults below.

export const FAILURE_MODES = ['progress', 'adoption', 'sustainment'] as const
export type FailureMode = (typeof FAILURE_MODES)[number]

export const INPUTS = {
  progress: ['phaseClock', 'phaseOverruns', 'sprintPredictability', 'daysSinceGate', 'caseApproved'],
  adoption: [
    'adoptionRate',
    'adoptionTrend',
    'acceptanceTrend',
    'feedbackScore',
    'closedLoops',
    'representativeness',
  ],
  sustainment: ['laggingStatus', 'laggingTrend', 'usageDecay', 'valueRealised'],
} as const satisfies Record<FailureMode, readonly string[]>

export type InputKey = (typeof INPUTS)[FailureMode][number]
export const INPUT_KEYS = FAILURE_MODES.flatMap((mode) => INPUTS[mode]) as InputKey[]

export type InputRule = { weight: number; good: number; bad: number }
export type Bands = { green: number; amber: number }
export type HealthConfig = { inputs: Record<InputKey, InputRule>; bands: Bands }

/** How each input is measured (the unit its good/bad values are in), for the page and the settings form. */
export const INPUT_UNITS: Record<InputKey, 'ratio' | 'share' | 'days' | 'points' | 'score' | 'yesno'> = {
  phaseClock: 'ratio', // time used ÷ budget of the running 10/10/10 phase
  phaseOverruns: 'share', // share of the initiative's 10/10/10 phases that overran their budget
  sprintPredictability: 'share', // committed points delivered ÷ committed, last closed sprints
  daysSinceGate: 'days', // days since the last approved stage gate (or since the start)
  caseApproved: 'yesno', // 1 when a business case version is approved
  adoptionRate: 'share', // active eligible reps ÷ eligible reps, last 28 days
  adoptionTrend: 'share', // change of the adoption rate against the 28 days before (−1…1)
  acceptanceTrend: 'share', // change of the recommendation acceptance rate against the 28 days before
  feedbackScore: 'score', // EET feedback: mean usefulness, 1–5
  closedLoops: 'share', // share of EET feedback items whose loop is closed (shipped or declined)
  representativeness: 'score', // EET representativeness, 0–100
  laggingStatus: 'share', // lagging KPIs: on track 1, at risk ½, off track or stale 0, averaged
  laggingTrend: 'share', // share of lagging KPIs better now than when the pilot ended
  usageDecay: 'share', // drop of adoption KPIs from their peak since the pilot ended (0 = none)
  valueRealised: 'ratio', // business-case benefit KPIs: latest ÷ target, averaged (capped at 1.5)
}

export const DEFAULT_HEALTH_CONFIG: HealthConfig = {
  inputs: {
    phaseClock: { weight: 3, good: 0.7, bad: 1.3 },
    phaseOverruns: { weight: 2, good: 0, bad: 0.5 },
    sprintPredictability: { weight: 2, good: 0.85, bad: 0.5 },
    daysSinceGate: { weight: 2, good: 60, bad: 180 },
    caseApproved: { weight: 1, good: 1, bad: 0 },
    adoptionRate: { weight: 3, good: 0.6, bad: 0.2 },
    adoptionTrend: { weight: 2, good: 0.05, bad: -0.1 },
    acceptanceTrend: { weight: 1, good: 0.05, bad: -0.1 },
    feedbackScore: { weight: 2, good: 4, bad: 2.5 },
    closedLoops: { weight: 1, good: 0.7, bad: 0.2 },
    representativeness: { weight: 1, good: 80, bad: 40 },
    laggingStatus: { weight: 3, good: 0.9, bad: 0.3 },
    laggingTrend: { weight: 2, good: 0.8, bad: 0.2 },
    usageDecay: { weight: 2, good: 0.05, bad: 0.3 },
    valueRealised: { weight: 2, good: 1, bad: 0.5 },
  },
  bands: { green: 70, amber: 40 },
}

/** A program's stored overrides: any subset of the rules and bands. */
export const HealthOverridesSchema = z.object({
  inputs: z
    .partialRecord(
      z.enum(INPUT_KEYS as [InputKey, ...InputKey[]]),
      z.object({ weight: z.number().min(0).max(100), good: z.number(), bad: z.number() }),
    )
    .default({}),
  bands: z.object({ green: z.number().min(0).max(100), amber: z.number().min(0).max(100) }).optional(),
})
export type HealthOverrides = z.output<typeof HealthOverridesSchema>

/** Defaults with a program's overrides laid over them. */
export function resolveHealthConfig(overrides: HealthOverrides | null | undefined): HealthConfig {
  if (!overrides) return DEFAULT_HEALTH_CONFIG
  const inputs = { ...DEFAULT_HEALTH_CONFIG.inputs }
  for (const key of INPUT_KEYS) {
    const rule = overrides.inputs?.[key]
    if (rule) inputs[key] = rule
  }
  return { inputs, bands: overrides.bands ?? DEFAULT_HEALTH_CONFIG.bands }
}
