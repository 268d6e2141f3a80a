import { SIGNED_IN, type RowsModule } from '../types'

// The attention area: the notification centre (history and preferences) is everyone's own.

export const attention: RowsModule = {
  rows: {
    'routes/notifications': {
      path: () => '/notifications',
      loader: SIGNED_IN,
      action: SIGNED_IN,
      // No id: refused with 400, nothing is marked read.
      form: () => ({ intent: 'read' }),
    },
  },
}
