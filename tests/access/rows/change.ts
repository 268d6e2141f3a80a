import { cells, type RowsModule } from '../types'

// Change management: a manager's coaching view (their own team; admins see every rep). The action's
// form is empty, so the allowed call is refused with 400 and logs nothing.

const COACHES = cells(['admin', 'manager'])
/** Who can see initiative A; its pay figures only admins, its sponsor and finance users (none here). */
const SEES_A = cells(['admin', 'lead', 'sponsor', 'eet_member', 'viewer'])

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
  },
}
