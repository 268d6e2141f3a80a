import { unsubscribeToken } from '~/models/attention/outbox.server'
import { cells, PUBLIC, SIGNED_IN, type RowsModule } from '../types'

// The attention area: the notification centre (history and preferences) is everyone's own; the outbox
// and a program's chat webhooks are the admins'; the unsubscribe link is signed, usable signed out.

const ADMIN = cells(['admin'])

export const attention: RowsModule = {
  rows: {
    'routes/notifications': {
      path: () => '/notifications',
      loader: SIGNED_IN,
      action: SIGNED_IN,
      // No id: refused with 400, nothing is marked read.
      form: () => ({ intent: 'read' }),
    },
    'routes/admin.outbox': {
      path: () => '/admin/outbox',
      loader: ADMIN,
      action: ADMIN,
      // No id: refused with 400.
      form: () => ({ intent: 'retry' }),
    },
    'routes/programs.$programId.webhooks': {
      path: (fx) => `/programs/${fx.programId}/webhooks`,
      params: (fx) => ({ programId: fx.programId }),
      loader: ADMIN,
      action: ADMIN,
      // Not a URL: refused with 400, nothing saved.
      form: () => ({ teams_url: 'not a url' }),
    },
    'routes/unsubscribe.$token': {
      path: (fx) => `/unsubscribe/${unsubscribeToken(fx.users.viewer.id, 'case.submitted')}`,
      params: (fx) => ({ token: unsubscribeToken(fx.users.viewer.id, 'case.submitted') }),
      loader: PUBLIC,
      // The viewer stops an email they never get (no case is theirs to decide).
      action: PUBLIC,
    },
  },
}
