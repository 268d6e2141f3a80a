import { cells, type RowsModule } from '../types'

// The sponsor's view: portfolio:read (admin, lead, sponsor, viewer); deciding needs business-case:decide
// (sponsor, admin); health settings are the administrator's.
const PORTFOLIO = cells(['admin', 'lead', 'lead_other', 'sponsor', 'viewer'])
const DECIDERS = cells(['admin', 'sponsor'])
const ADMIN = cells(['admin'])

export const sponsor: RowsModule = {
  rows: {
    'routes/portfolio._index': { path: (fx) => `/portfolio?program=${fx.programId}`, loader: PORTFOLIO },
    'routes/portfolio.approvals': {
      path: () => '/portfolio/approvals',
      loader: DECIDERS,
      action: DECIDERS,
      // Nothing is submitted for initiative A, so an authorised approval is refused with 400 and changes nothing.
      form: (fx) => ({ intent: 'approve-case', initiativeId: fx.initiativeId }),
    },
    'routes/portfolio.report': {
      path: (fx) => `/portfolio/report?program=${fx.programId}&period=2026-10`,
      loader: PORTFOLIO,
    },
    'routes/portfolio.board-pack': {
      path: (fx) => `/portfolio/board-pack?program=${fx.programId}&period=2026-Q3&lang=zh-TW`,
      loader: PORTFOLIO,
    },
    'routes/portfolio.export.$table': {
      path: (fx) => `/portfolio/export/portfolio?program=${fx.programId}`,
      params: () => ({ table: 'portfolio' }),
      loader: PORTFOLIO,
    },
    'routes/portfolio.settings': {
      path: (fx) => `/portfolio/settings?program=${fx.programId}`,
      loader: ADMIN,
      action: ADMIN,
      form: () => ({ intent: 'save' }),
    },
  },
}
