import { cells, type RowsModule } from '../types'

const ANALYTICS = cells(['admin', 'lead', 'lead_other', 'sponsor', 'viewer'])
const ADMIN = cells(['admin'])

export const recommendations: RowsModule = {
  rows: {
    'routes/recommendations': { path: () => '/recommendations', loader: ANALYTICS },
    'routes/recommendations._index': { path: () => '/recommendations', loader: ANALYTICS },
    'routes/recommendations.rejections': { path: () => '/recommendations/rejections', loader: ANALYTICS },
    'routes/recommendations.rejections.export': {
      path: () => '/recommendations/rejections/export',
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
  },
}
