import { db } from '~/utils/db.server'
import { cells, SIGNED_IN, type RowsModule } from '../types'

/** Who can see initiative A (led by `lead`, sponsored by `sponsor`, piloted by `eet_member`). */
const SEES_A = cells(['admin', 'lead', 'sponsor', 'eet_member', 'viewer'])
/** delivery:manage on A: its lead and admins. */
const MANAGES_A = cells(['admin', 'lead'])
const ADMIN = cells(['admin'])

export const delivery: RowsModule = {
  async setup(fx) {
    const sprint = await db
      .insertInto('sprints')
      .values({ initiative_id: fx.initiativeId, number: 1, start_date: '2026-11-02', end_date: '2026-11-15' })
      .returning('id')
      .executeTakeFirstOrThrow()
    fx.extra.sprintA = sprint.id
  },
  rows: {
    'routes/delivery._index': { path: () => '/delivery', loader: SIGNED_IN },
    'routes/delivery.settings': {
      path: () => '/delivery/settings',
      loader: ADMIN,
      action: ADMIN,
      form: () => ({}),
    },
    'routes/initiatives.$initiativeId.cycle': {
      path: (fx) => `/initiatives/${fx.initiativeId}/cycle`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: SEES_A,
      action: MANAGES_A,
      form: () => ({ intent: 'none' }),
    },
    'routes/initiatives.$initiativeId.sprints._index': {
      path: (fx) => `/initiatives/${fx.initiativeId}/sprints`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: SEES_A,
      action: MANAGES_A,
      form: () => ({ intent: 'none' }),
    },
    'routes/initiatives.$initiativeId.sprints.$sprintId': {
      path: (fx) => `/initiatives/${fx.initiativeId}/sprints/${fx.extra.sprintA}`,
      params: (fx) => ({ initiativeId: fx.initiativeId, sprintId: fx.extra.sprintA! }),
      loader: SEES_A,
      action: MANAGES_A,
      form: () => ({ intent: 'none' }),
    },
  },
}
