import { accountability } from './accountability'
import { attention } from './attention'
import { change } from './change'
import { changePay } from './change-pay'
import { common } from './common'
import { delivery } from './delivery'
import { eet } from './eet'
import { foundation } from './foundation'
import { kpi } from './kpi'
import { recommendations } from './recommendations'
import { sponsor } from './sponsor'

// Each capability keeps its own catalogue area; tests/unit/i18n checks that no key is defined twice.
export const areas = {
  common,
  foundation,
  accountability,
  kpi,
  delivery,
  eet,
  recommendations,
  sponsor,
  attention,
  change: { ...change, ...changePay },
}

export const messages = {
  ...common,
  ...foundation,
  ...accountability,
  ...kpi,
  ...delivery,
  ...eet,
  ...recommendations,
  ...sponsor,
  ...attention,
  ...change,
  ...changePay,
}

export type MessageKey = keyof typeof messages
