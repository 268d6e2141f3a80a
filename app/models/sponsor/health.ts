import {
  DEFAULT_HEALTH_CONFIG,
  FAILURE_MODES,
  INPUTS,
  type Bands,
  type FailureMode,
  type HealthConfig,
  type InputKey,
  type InputRule,
} from './health-config'

// Failure-mode health of one initiative (pure; weights and thresholds in ./health-config). Every input
// is a number or null ("no data yet"); a score uses only the inputs it has and says how many.

export type Band = 'green' | 'amber' | 'red'
export type HealthInputs = Record<InputKey, number | null>

export type ScoredInput = {
  key: InputKey
  value: number | null
  /** 0–100, null without data. */
  score: number | null
  /** This input's share of the score after re-weighting (0 without data). */
  share: number
  rule: InputRule
}

export type ModeScore = {
  mode: FailureMode
  /** 0–100, null when none of the inputs has data. */
  score: number | null
  band: Band | null
  inputsUsed: number
  inputsTotal: number
  inputs: ScoredInput[]
}

export type Health = Record<FailureMode, ModeScore> & {
  /** The failure mode this initiative is closest to (lowest red or amber score), if any. */
  worst: FailureMode | null
}

/** An input's sub-score: 0 at `bad`, 100 at `good`, straight line between, clamped. */
export function inputScore(value: number, rule: Pick<InputRule, 'good' | 'bad'>) {
  if (rule.good === rule.bad) return value >= rule.good ? 100 : 0
  const t = (value - rule.bad) / (rule.good - rule.bad)
  return Math.round(Math.min(1, Math.max(0, t)) * 1000) / 10
}

export function bandOf(score: number | null, bands: Bands): Band | null {
  if (score === null) return null
  if (score >= bands.green) return 'green'
  if (score >= bands.amber) return 'amber'
  return 'red'
}

export function scoreMode(mode: FailureMode, inputs: HealthInputs, config: HealthConfig): ModeScore {
  const scored = INPUTS[mode].map((key) => {
    const value = inputs[key]
    const rule = config.inputs[key]
    const present = value !== null && Number.isFinite(value)
    return { key, value: present ? value : null, score: present ? inputScore(value, rule) : null, rule }
  })
  const weighted = scored.filter((input) => input.score !== null && input.rule.weight > 0)
  const totalWeight = weighted.reduce((sum, input) => sum + input.rule.weight, 0)
  const score =
    totalWeight > 0
      ? Math.round(weighted.reduce((sum, input) => sum + input.score! * input.rule.weight, 0) / totalWeight)
      : null
  return {
    mode,
    score,
    band: bandOf(score, config.bands),
    inputsUsed: weighted.length,
    inputsTotal: scored.length,
    inputs: scored.map((input) => ({
      ...input,
      share: totalWeight > 0 && input.score !== null ? input.rule.weight / totalWeight : 0,
    })),
  }
}

export function scoreHealth(inputs: HealthInputs, config: HealthConfig = DEFAULT_HEALTH_CONFIG): Health {
  const modes = Object.fromEntries(
    FAILURE_MODES.map((mode) => [mode, scoreMode(mode, inputs, config)]),
  ) as Record<FailureMode, ModeScore>
  const atRisk = FAILURE_MODES.filter((mode) => modes[mode].band === 'red' || modes[mode].band === 'amber')
  const worst = atRisk.sort((a, b) => modes[a].score! - modes[b].score!)[0] ?? null
  return { ...modes, worst }
}

/** All inputs without data: the start for building an initiative's inputs. */
export function emptyInputs(): HealthInputs {
  return Object.fromEntries(
    FAILURE_MODES.flatMap((mode) => INPUTS[mode]).map((key) => [key, null]),
  ) as HealthInputs
}
