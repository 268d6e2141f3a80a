import { cells, type RowsModule } from '../types'

// Change management: a manager's coaching view (their own team; admins see every rep). The action's
// form is empty, so the allowed call is refused with 400 and logs nothing.

const COACHES = cells(['admin', 'manager'])
/** Who can see initiative A; its pay figures only admins, its sponsor and finance users (none here). */
const SEES_A = cells(['admin', 'lead', 'sponsor', 'eet_member', 'viewer'])
// The training page is written by A's editors (the thresholds by admins, who are editors too).
const EDITS_A = cells(['admin', 'lead'])

export const change: RowsModule = {
  rows: {
    'routes/team.coaching': {
      path: () => '/team/coaching',
      loader: COACHES,
      action: COACHES,
      form: () => ({}),
    },
    // Deciding the pay plan is the sponsor's (or an admin's): an empty decision is refused with field
    // errors. Writing it needs finance access (an admin's grant) or the admin role: tests/integration/change/pay.test.ts.
    'routes/initiatives.$initiativeId.pay': {
      path: (fx) => `/initiatives/${fx.initiativeId}/pay`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: SEES_A,
      action: cells(['admin', 'sponsor']),
      form: () => ({ intent: 'decide' }),
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
