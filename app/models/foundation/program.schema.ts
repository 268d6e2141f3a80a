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
})
export type ProgramInput = z.output<typeof ProgramSchema>
