import { createContext, useContext } from 'react'
import { TextField } from '~/components/forms'
import { useT } from '~/i18n/react'
import type { IntentFormFields } from './intent-form'

// The program's day for the delivery forms: each date defaults to (and is bounded by) today in the
// program's reporting zone, which the field names, not the browser's day.

export const ProgramDayContext = createContext<{ today: string; zone: string }>({ today: '', zone: 'UTC' })

/** The optional day an action happened on, for history recorded after the fact. */
export function EffectiveDateField({ field }: Pick<IntentFormFields, 'field'>) {
  const t = useT()
  const { today, zone } = useContext(ProgramDayContext)
  return (
    <TextField
      label={t('delivery.effective.label')}
      hint={t('delivery.effective.hint', { zone })}
      type="date"
      max={today || undefined}
      {...field('effective_on')}
    />
  )
}
