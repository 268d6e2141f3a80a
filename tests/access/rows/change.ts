import { cells, type RowsModule } from '../types'

// Change management: a manager's coaching view (their own team; admins see every rep). The action's
// form is empty, so the allowed call is refused with 400 and logs nothing.

const COACHES = cells(['admin', 'manager'])

export const change: RowsModule = {
  rows: {
    'routes/team.coaching': {
      path: () => '/team/coaching',
      loader: COACHES,
      action: COACHES,
      form: () => ({}),
    },
  },
}
