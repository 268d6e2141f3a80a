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
// input (flat field names, e.g. weight.phaseClock) and the two band starts.

const weight = () => fields.number({ min: 0, max: 100 })
const bandStart = () => fields.number({ min: 0, max: 100, int: 'errors.invalid' })

const shape: Record<string, z.ZodType> = { intent: z.literal('save'), green: bandStart(), amber: bandStart() }
for (const key of INPUT_KEYS) {
  shape[`weight.${key}`] = weight()
  shape[`good.${key}`] = fields.number()
  shape[`bad.${key}`] = fields.number()
}

export const HealthSettingsSchema = z
  .object(shape)
  .refine((value) => (value.green as number) > (value.amber as number), {
    message: 'sponsor.settings.bandOrder',
    path: ['green'],
  })

/** Only what differs from the defaults is stored. */
export function overridesFromForm(values: Record<string, unknown>): HealthOverrides {
  const inputs: HealthOverrides['inputs'] = {}
  for (const key of INPUT_KEYS) {
    const rule = {
      weight: values[`weight.${key}`] as number,
      good: values[`good.${key}`] as number,
      bad: values[`bad.${key}`] as number,
    }
    const base = DEFAULT_HEALTH_CONFIG.inputs[key]
    if (rule.weight !== base.weight || rule.good !== base.good || rule.bad !== base.bad) inputs[key] = rule
  }
  const bands = { green: values.green as number, amber: values.amber as number }
  const sameBands =
    bands.green === DEFAULT_HEALTH_CONFIG.bands.green && bands.amber === DEFAULT_HEALTH_CONFIG.bands.amber
  return sameBands ? { inputs } : { inputs, bands }
}

export function formValuesOf(config: HealthConfig) {
  const values: Record<string, number> = { green: config.bands.green, amber: config.bands.amber }
  for (const key of INPUT_KEYS as InputKey[]) {
    values[`weight.${key}`] = config.inputs[key].weight
    values[`good.${key}`] = config.inputs[key].good
    values[`bad.${key}`] = config.inputs[key].bad
  }
  return values
}
