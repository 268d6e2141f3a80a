import { foundation } from './rows/foundation'
import type { RowsModule } from './types'

// Each capability adds its rows file here.
export const AREAS: RowsModule[] = [foundation]
