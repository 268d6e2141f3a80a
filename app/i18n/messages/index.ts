import { admin } from './admin'
import { auth } from './auth'
import { common } from './common'
import { portfolio } from './portfolio'

// Each capability keeps its own catalogue area; tests/unit/i18n checks that no key is defined twice.
export const areas = { common, auth, portfolio, admin }

export const messages = { ...common, ...auth, ...portfolio, ...admin }

export type MessageKey = keyof typeof messages
