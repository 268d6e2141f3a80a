import { db } from '~/utils/db.server'
import { cells, type RowsModule } from '../types'

const ANALYTICS = cells(['admin', 'lead', 'lead_other', 'sponsor', 'viewer'])
const ADMIN = cells(['admin'])
// A manager's team pages: the manager (for their own team) and admins (every rep).
const TEAM = cells(['admin', 'manager'])

export const recommendations: RowsModule = {
  async setup(fx) {
    // The fixture's manager leads ACCESS-TEAM-REP through their roster row (matched by email).
    await db
      .insertInto('sellers')
      .values(
        [
          { seller_id: 'ACCESS-MANAGER', name: 'Access Manager', email: fx.users.manager.email },
          { seller_id: 'ACCESS-TEAM-REP', name: 'Access Team Rep', manager_id: 'ACCESS-MANAGER' },
        ].map((row) => ({ region: 'North', segment: 'SMB', team: 'T', role: 'AE', ...row })),
      )
      .execute()
  },
  rows: {
    'routes/team': { path: () => '/team', loader: TEAM },
    'routes/team._index': { path: () => '/team', loader: TEAM },
    'routes/team.feedback': { path: () => '/team/feedback', loader: TEAM },
    'routes/team.reps.$sellerId': {
      path: () => '/team/reps/ACCESS-TEAM-REP',
      params: () => ({ sellerId: 'ACCESS-TEAM-REP' }),
      loader: TEAM,
    },
    'routes/recommendations': { path: () => '/recommendations', loader: ANALYTICS },
    'routes/recommendations._index': { path: () => '/recommendations', loader: ANALYTICS },
    'routes/recommendations.rejections': { path: () => '/recommendations/rejections', loader: ANALYTICS },
    'routes/recommendations.rejections.export': {
      path: () => '/recommendations/rejections/export',
      loader: ANALYTICS,
    },
    'routes/recommendations.labelled.export': {
      path: () => '/recommendations/labelled/export',
      loader: ANALYTICS,
    },
    'routes/recommendations.explanations': { path: () => '/recommendations/explanations', loader: ANALYTICS },
    'routes/recommendations.adoption': { path: () => '/recommendations/adoption', loader: ANALYTICS },
    'routes/recommendations.import': { path: () => '/recommendations/import', loader: ADMIN },
    // The form is url-encoded, not an events file: the admin's call runs and is refused with 415.
    'routes/recommendations.import.upload': {
      path: () => '/recommendations/import/upload',
      action: ADMIN,
      form: () => ({}),
    },
    'routes/api.v1.recommendation-events': {
      path: () => '/api/v1/recommendation-events',
      apiScope: 'events:write',
      apiMethod: 'POST',
    },
    'routes/api.v1.metrics.recommendation-funnel': {
      path: () => '/api/v1/metrics/recommendation-funnel?from=2026-01-01&to=2026-02-01',
      apiScope: 'metrics:read',
      apiMethod: 'GET',
    },
    'routes/api.v1.metrics.adoption': {
      path: () => '/api/v1/metrics/adoption?from=2026-01-01&to=2026-02-01',
      apiScope: 'metrics:read',
      apiMethod: 'GET',
    },
    'routes/api.v1.recommendations.labelled._index': {
      path: () => '/api/v1/recommendations/labelled?from=2026-01-01&to=2026-02-01',
      apiScope: 'metrics:read',
      apiMethod: 'GET',
    },
    'routes/api.v1.recommendations.labelled.trainings': {
      path: () => '/api/v1/recommendations/labelled/trainings',
      apiScope: 'events:write',
      apiMethod: 'POST',
    },
  },
}
