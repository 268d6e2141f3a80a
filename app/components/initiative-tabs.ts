import type { MessageKey } from '~/i18n/translate'

// The sections of an initiative's page; each capability adds its tab here once it works.
export type InitiativeTab = { path: string; label: MessageKey }

export const INITIATIVE_TABS: readonly InitiativeTab[] = [{ path: '', label: 'initiative.overview' }]
