import { z } from 'zod'
import { fields } from '~/utils/forms'
import {
  DEFAULT_HEALTH_CONFIG,
  INPUT_KEYS,
  type HealthConfig,
  type HealthOverrides,
  type InputKey,
} from './health-config'

// The admin form for a program's health weights and thresholds: one weight, good and bad value per
// input and the two band starts. The fields are named `<rule>.<input>` (weight.phaseClock), which
// conform reads as one object per rule.

const weight = () => fields.number({ min: 0, max: 100 })
const bandStart = () => fields.number({ min: 0, max: 100, int: 'errors.invalid' })
const perInput = (value: () => ReturnType<typeof fields.number>) =>
  z.object(
    Object.fromEntries(INPUT_KEYS.map((key) => [key, value()])) as Record<
      InputKey,
      ReturnType<typeof fields.number>
    >,
  )

export const HealthSettingsSchema = z
  .object({
    intent: z.literal('save'),
    green: bandStart(),
    amber: bandStart(),
    weight: perInput(weight),
    good: perInput(() => fields.number()),
    bad: perInput(() => fields.number()),
  })
  .refine((value) => value.green > value.amber, {
    message: 'sponsor.settings.bandOrder',
    path: ['green'],
  })
export type HealthSettingsInput = z.output<typeof HealthSettingsSchema>

/** Only what differs from the defaults is stored. */
export function overridesFromForm(values: HealthSettingsInput): HealthOverrides {
  const inputs: HealthOverrides['inputs'] = {}
  for (const key of INPUT_KEYS) {
    const rule = { weight: values.weight[key], good: values.good[key], bad: values.bad[key] }
    const base = DEFAULT_HEALTH_CONFIG.inputs[key]
    if (rule.weight !== base.weight || rule.good !== base.good || rule.bad !== base.bad) inputs[key] = rule
  }
  const bands = { green: values.green, amber: values.amber }
  const sameBands =
    bands.green === DEFAULT_HEALTH_CONFIG.bands.green && bands.amber === DEFAULT_HEALTH_CONFIG.bands.amber
  return sameBands ? { inputs } : { inputs, bands }
}

/** The form's values by field name (weight.phaseClock…), from a program's configuration. */
export function formValuesOf(config: HealthConfig) {
  const values: Record<string, number> = { green: config.bands.green, amber: config.bands.amber }
  for (const key of INPUT_KEYS as InputKey[]) {
    values[`weight.${key}`] = config.inputs[key].weight
    values[`good.${key}`] = config.inputs[key].good
    values[`bad.${key}`] = config.inputs[key].bad
  }
  return values
}
