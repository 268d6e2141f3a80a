import type { MessageKey } from '~/i18n/translate'

// The sections of an initiative's page; each capability adds its tab here once it works.
export type InitiativeTab = { path: string; label: MessageKey }

export const INITIATIVE_TABS: readonly InitiativeTab[] = [
  { path: '', label: 'initiative.overview' },
  { path: 'case', label: 'accountability.tab.case' },
  { path: 'kpis', label: 'kpi.tab' },
  { path: 'cycle', label: 'delivery.tab.cycle' },
  { path: 'sprints', label: 'delivery.tab.sprints' },
  { path: 'team', label: 'accountability.tab.team' },
  { path: 'gates', label: 'accountability.tab.gates' },
  { path: 'checklist', label: 'accountability.tab.checklist' },
  { path: 'pay', label: 'change.pay.tab' },
  { path: 'training', label: 'change.training.tab' },
  { path: 'eet', label: 'eet.tab.eet' },
  { path: 'feedback', label: 'eet.tab.feedback' },
]
