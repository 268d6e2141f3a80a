import { accountability } from './accountability'
import { admin } from './admin'
import { auth } from './auth'
import { common } from './common'
import { delivery } from './delivery'
import { eet } from './eet'
import { kpi } from './kpi'
import { portfolio } from './portfolio'
import { recommendations } from './recommendations'
import { sponsor } from './sponsor'

// Each capability keeps its own catalogue area; tests/unit/i18n checks that no key is defined twice.
export const areas = {
  common,
  auth,
  portfolio,
  admin,
  accountability,
  kpi,
  delivery,
  eet,
  recommendations,
  sponsor,
}

export const messages = {
  ...common,
  ...auth,
  ...portfolio,
  ...admin,
  ...accountability,
  ...kpi,
  ...delivery,
  ...eet,
  ...recommendations,
  ...sponsor,
}

export type MessageKey = keyof typeof messages
