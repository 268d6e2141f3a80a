import { db } from '~/utils/db.server'
import { cells, PUBLIC, SIGNED_IN, type RowsModule } from '../types'

/** Who can see initiative A (led by `lead`, sponsored by `sponsor`, piloted by `eet_member`). */
const SEES_A = cells(['admin', 'lead', 'sponsor', 'eet_member', 'viewer'])
/** Admins and A's lead edit and measure A's KPIs. */
const EDITS_A = cells(['admin', 'lead'])
const MEASURERS = cells(['admin', 'lead', 'lead_other'])

export const kpi: RowsModule = {
  async setup(fx) {
    const base = {
      program_id: fx.programId,
      initiative_id: fx.initiativeId,
      category: 'adoption' as const,
      direction: 'higher' as const,
      cadence: 'monthly' as const,
    }
    const [leading, lagging] = await db
      .insertInto('kpis')
      .values([
        { ...base, key: 'matrix-contacts', name_en: 'Contacts', name_zh_tw: '接觸', kind: 'leading' },
        { ...base, key: 'matrix-wins', name_en: 'Wins', name_zh_tw: '成交', kind: 'lagging' },
      ])
      .returning('id')
      .execute()
    const link = await db
      .insertInto('kpi_driver_links')
      .values({ leading_kpi_id: leading!.id, lagging_kpi_id: lagging!.id, expected_lag: 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
    Object.assign(fx.extra, { kpiA: leading!.id, kpiLinkA: link.id })
  },
  rows: {
    'routes/kpis._index': { path: (fx) => `/kpis?program=${fx.programId}`, loader: SIGNED_IN },
    'routes/kpis.new': {
      path: (fx) => `/kpis/new?initiative=${fx.initiativeId}`,
      loader: EDITS_A,
      action: EDITS_A,
      form: () => ({}),
    },
    'routes/kpis.import': {
      path: (fx) => `/kpis/import?program=${fx.programId}`,
      loader: MEASURERS,
      action: MEASURERS,
      form: (fx) => ({ intent: 'preview', program_id: fx.programId, mode: 'all_or_nothing' }),
    },
    'routes/kpis.$kpiId._index': {
      path: (fx) => `/kpis/${fx.extra.kpiA}`,
      params: (fx) => ({ kpiId: fx.extra.kpiA! }),
      loader: SEES_A,
      action: EDITS_A,
      form: () => ({ intent: 'none' }),
    },
    'routes/kpis.$kpiId.edit': {
      path: (fx) => `/kpis/${fx.extra.kpiA}/edit`,
      params: (fx) => ({ kpiId: fx.extra.kpiA! }),
      loader: EDITS_A,
      action: EDITS_A,
      form: () => ({}),
    },
    'routes/kpis.links.$linkId': {
      path: (fx) => `/kpis/links/${fx.extra.kpiLinkA}`,
      params: (fx) => ({ linkId: fx.extra.kpiLinkA! }),
      loader: SEES_A,
    },
    'routes/initiatives.$initiativeId.kpis': {
      path: (fx) => `/initiatives/${fx.initiativeId}/kpis`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: SEES_A,
    },
    'routes/api.v1.kpis.$key.measurements': {
      path: () => '/api/v1/kpis/matrix-contacts/measurements',
      params: () => ({ key: 'matrix-contacts' }),
      apiScope: 'measurements:write',
      apiMethod: 'POST',
    },
    'routes/api.v1.openapi[.]json': { path: () => '/api/v1/openapi.json', loader: PUBLIC },
  },
}
