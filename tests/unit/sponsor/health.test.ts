import { describe, expect, test } from 'vitest'
import { DEFAULT_HEALTH_CONFIG, resolveHealthConfig } from '~/models/sponsor/health-config'
import { bandOf, emptyInputs, inputScore, scoreHealth, type HealthInputs } from '~/models/sponsor/health'

// Hand-built initiatives: one healthy, one heading into each of the article's three failure modes.
const HEALTHY: HealthInputs = {
  phaseClock: 0.5, // half the running phase's budget used
  phaseOverruns: 0,
  sprintPredictability: 0.9,
  daysSinceGate: 30,
  caseApproved: 1,
  adoptionRate: 0.7,
  adoptionTrend: 0.06,
  acceptanceTrend: 0.05,
  feedbackScore: 4.3,
  closedLoops: 0.8,
  representativeness: 85,
  laggingStatus: 1,
  laggingTrend: 0.9,
  usageDecay: 0,
  valueRealised: 1.1,
}

const SLOW: HealthInputs = {
  ...HEALTHY,
  phaseClock: 1.6, // 60% over budget in the running phase
  phaseOverruns: 0.67, // two of three phases overran
  sprintPredictability: 0.45,
  daysSinceGate: 240,
  caseApproved: 0,
}

const LOW_ADOPTION: HealthInputs = {
  ...HEALTHY,
  adoptionRate: 0.15,
  adoptionTrend: -0.12,
  acceptanceTrend: -0.1,
  feedbackScore: 2.2,
  closedLoops: 0.1,
  representativeness: 35, // only enthusiasts in the EET
}

const NOT_SUSTAINED: HealthInputs = {
  ...HEALTHY,
  laggingStatus: 0.2,
  laggingTrend: 0.1,
  usageDecay: 0.45,
  valueRealised: 0.4,
}

describe('failure-mode health', () => {
  test('a healthy initiative is green on all three with every input used', () => {
    const health = scoreHealth(HEALTHY)
    expect(health.progress.score).toBe(100)
    expect(health.adoption.score).toBe(100)
    expect(health.sustainment.score).toBe(100)
    for (const mode of ['progress', 'adoption', 'sustainment'] as const) {
      expect(health[mode].band).toBe('green')
      expect(health[mode].inputsUsed).toBe(health[mode].inputsTotal)
    }
    expect(health.worst).toBeNull()
  })

  test('slow progress is red on progress only', () => {
    const health = scoreHealth(SLOW)
    expect(health.progress.score).toBe(0)
    expect(health.progress.band).toBe('red')
    expect(health.adoption.band).toBe('green')
    expect(health.sustainment.band).toBe('green')
    expect(health.worst).toBe('progress')
  })

  test('low adoption is red on adoption only', () => {
    const health = scoreHealth(LOW_ADOPTION)
    expect(health.adoption.score).toBe(0)
    expect(health.adoption.band).toBe('red')
    expect(health.progress.band).toBe('green')
    expect(health.worst).toBe('adoption')
  })

  test('results not sustained is red on sustainment only', () => {
    const health = scoreHealth(NOT_SUSTAINED)
    expect(health.sustainment.score).toBe(0)
    expect(health.sustainment.band).toBe('red')
    expect(health.progress.band).toBe('green')
    expect(health.adoption.band).toBe('green')
    expect(health.worst).toBe('sustainment')
  })

  test('a partial slide is amber and names the right inputs', () => {
    // Sprint predictability 0.675 is half-way between bad 0.5 and good 0.85; the rest stays good.
    const health = scoreHealth({
      ...HEALTHY,
      sprintPredictability: 0.675,
      phaseClock: 1.3,
      daysSinceGate: 120,
    })
    const byKey = Object.fromEntries(health.progress.inputs.map((input) => [input.key, input.score]))
    expect(byKey).toMatchObject({
      sprintPredictability: 50,
      phaseClock: 0,
      daysSinceGate: 50,
      caseApproved: 100,
    })
    // (0·3 + 100·2 + 50·2 + 50·2 + 100·1) / 10 = 50
    expect(health.progress.score).toBe(50)
    expect(health.progress.band).toBe('amber')
    expect(health.worst).toBe('progress')
  })

  test('missing inputs are left out and the rest re-weighted, never guessed', () => {
    const inputs = { ...emptyInputs(), adoptionRate: 0.2, feedbackScore: 4 }
    const health = scoreHealth(inputs)
    // adoptionRate scores 0 (weight 3), feedbackScore scores 100 (weight 2): 200 / 5 = 40.
    expect(health.adoption.score).toBe(40)
    expect(health.adoption.inputsUsed).toBe(2)
    expect(health.adoption.inputsTotal).toBe(6)
    const shares = health.adoption.inputs.filter((input) => input.value !== null).map((input) => input.share)
    expect(shares).toEqual([0.6, 0.4])
    expect(health.adoption.inputs.find((input) => input.key === 'closedLoops')).toMatchObject({
      value: null,
      score: null,
      share: 0,
    })
  })

  test('no data at all gives no score and no band', () => {
    const health = scoreHealth(emptyInputs())
    for (const mode of ['progress', 'adoption', 'sustainment'] as const) {
      expect(health[mode]).toMatchObject({ score: null, band: null, inputsUsed: 0 })
    }
    expect(health.worst).toBeNull()
  })

  test('a non-finite value counts as no data', () => {
    const health = scoreHealth({ ...emptyInputs(), valueRealised: Number.NaN, laggingStatus: 0.9 })
    expect(health.sustainment).toMatchObject({ score: 100, inputsUsed: 1 })
  })

  test('sub-scores are linear, clamped, and work for lower-is-better inputs', () => {
    expect(inputScore(0.6, { good: 0.6, bad: 0.2 })).toBe(100)
    expect(inputScore(0.4, { good: 0.6, bad: 0.2 })).toBe(50)
    expect(inputScore(0.1, { good: 0.6, bad: 0.2 })).toBe(0)
    expect(inputScore(120, { good: 60, bad: 180 })).toBe(50)
    expect(inputScore(30, { good: 60, bad: 180 })).toBe(100)
    expect(inputScore(1, { good: 1, bad: 1 })).toBe(100)
  })

  test('bands follow the configured thresholds', () => {
    expect(bandOf(70, DEFAULT_HEALTH_CONFIG.bands)).toBe('green')
    expect(bandOf(69, DEFAULT_HEALTH_CONFIG.bands)).toBe('amber')
    expect(bandOf(39, DEFAULT_HEALTH_CONFIG.bands)).toBe('red')
    expect(bandOf(null, DEFAULT_HEALTH_CONFIG.bands)).toBeNull()
  })

  test('a program override changes weights, thresholds and bands; the rest stays default', () => {
    const config = resolveHealthConfig({
      inputs: { caseApproved: { weight: 0, good: 1, bad: 0 } },
      bands: { green: 95, amber: 80 },
    })
    expect(config.inputs.phaseClock).toEqual(DEFAULT_HEALTH_CONFIG.inputs.phaseClock)
    // Without the business-case weight an unapproved case no longer pulls progress down.
    const health = scoreHealth({ ...HEALTHY, caseApproved: 0 }, config)
    expect(health.progress).toMatchObject({ score: 100, inputsUsed: 4 })
    const amber = scoreHealth({ ...HEALTHY, sprintPredictability: 0.675 }, config)
    expect(amber.progress.score).toBe(89)
    expect(amber.progress.band).toBe('amber')
  })
})
