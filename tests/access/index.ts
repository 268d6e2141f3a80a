import { accountability } from './rows/accountability'
import { attention } from './rows/attention'
import { change } from './rows/change'
import { delivery } from './rows/delivery'
import { eet } from './rows/eet'
import { foundation } from './rows/foundation'
import { kpi } from './rows/kpi'
import { recommendations } from './rows/recommendations'
import { sponsor } from './rows/sponsor'
import type { RowsModule } from './types'

// Each capability adds its rows file here.
export const AREAS: RowsModule[] = [
  foundation,
  delivery,
  accountability,
  kpi,
  recommendations,
  eet,
  sponsor,
  attention,
  change,
]
