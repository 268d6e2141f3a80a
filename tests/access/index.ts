import { accountability } from './rows/accountability'
import { attention } from './rows/attention'
import { change } from './rows/change'
import { delivery } from './rows/delivery'
import { eet } from './rows/eet'
import { foundation } from './rows/foundation'
import { kpi } from './rows/kpi'
import { recommendations } from './rows/recommendations'
import { sponsor } from './rows/sponsor'
import type { RouteRow, RowsModule } from './types'

// A list's CSV export (app/routes/<list>[.csv].ts) answers whom its page answers: its row is the page's,
// at the page's path + .csv.
const CSV_EXPORTS = [
  ['routes/admin.api-keys', 'routes/admin.api-keys[.csv]'],
  ['routes/admin.audit', 'routes/admin.audit[.csv]'],
  ['routes/admin.users._index', 'routes/admin.users[.csv]'],
  ['routes/initiatives.$initiativeId.feedback._index', 'routes/initiatives.$initiativeId.feedback[.csv]'],
  ['routes/initiatives.$initiativeId.sprints._index', 'routes/initiatives.$initiativeId.sprints[.csv]'],
  ['routes/initiatives._index', 'routes/initiatives[.csv]'],
  ['routes/kpis._index', 'routes/kpis[.csv]'],
  ['routes/portfolio.approvals', 'routes/portfolio.approvals[.csv]'],
  ['routes/recommendations.rejections', 'routes/recommendations.rejections[.csv]'],
  ['routes/roster._index', 'routes/roster[.csv]'],
  ['routes/team._index', 'routes/team[.csv]'],
] as const

function csvRowsOf(areas: RowsModule[]): RowsModule {
  const pages = Object.assign({}, ...areas.map((area) => area.rows)) as Record<string, RouteRow>
  const rows: Record<string, RouteRow> = {}
  for (const [page, csv] of CSV_EXPORTS) {
    const row = pages[page]
    if (!row) throw new Error(`${csv}: no row for ${page}`)
    rows[csv] = {
      path: (fx) => row.path(fx).replace(/^([^?]*)/, '$1.csv'),
      params: row.params,
      loader: row.loader,
    }
  }
  return { rows }
}

// Each capability adds its rows file here.
const PAGE_AREAS: RowsModule[] = [
  foundation,
  delivery,
  accountability,
  kpi,
  recommendations,
  eet,
  sponsor,
  attention,
  change,
]

export const AREAS: RowsModule[] = [...PAGE_AREAS, csvRowsOf(PAGE_AREAS)]
