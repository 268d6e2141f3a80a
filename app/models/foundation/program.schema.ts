import { z } from 'zod'
import { fields } from '~/utils/forms'

export function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

export const ProgramSchema = z.object({
  name: fields.text(120),
  description: fields.optionalText(2000),
  reporting_timezone: z.string().trim().default('UTC').refine(isTimeZone, 'errors.timezone'),
  /**
   * How far from the program's today (either way, in days) a sprint start or a governance due date is
   * plausible; further ones need an "I mean this date" tick. The column's check allows 1–3650.
   */
  date_window_days: fields.number({ min: 1, max: 3650, int: true }).default(365),
})
export type ProgramInput = z.output<typeof ProgramSchema>
