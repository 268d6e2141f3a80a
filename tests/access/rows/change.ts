import { cells, type RowsModule } from '../types'

// Change management: a manager's coaching view (their own team; admins see every rep). The action's
// form is empty, so the allowed call is refused with 400 and logs nothing.

const COACHES = cells(['admin', 'manager'])
// The training page is part of initiative A: read by whoever sees A, written by its editors (the
// thresholds by admins, who are editors too). Empty forms are refused with 400.
const SEES_A = cells(['admin', 'lead', 'sponsor', 'eet_member', 'viewer'])
const EDITS_A = cells(['admin', 'lead'])

export const change: RowsModule = {
  rows: {
    'routes/team.coaching': {
      path: () => '/team/coaching',
      loader: COACHES,
      action: COACHES,
      form: () => ({}),
    },
    'routes/initiatives.$initiativeId.training': {
      path: (fx) => `/initiatives/${fx.initiativeId}/training`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: SEES_A,
      action: EDITS_A,
      form: () => ({ intent: 'module' }),
    },
    'routes/initiatives.$initiativeId.training_.import': {
      path: (fx) => `/initiatives/${fx.initiativeId}/training/import`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: EDITS_A,
      action: EDITS_A,
      form: () => ({}),
    },
    'routes/api.v1.training-completions': {
      path: () => '/api/v1/training-completions',
      apiScope: 'training:write',
      apiMethod: 'POST',
    },
  },
}
