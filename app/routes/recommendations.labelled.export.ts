import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/auth/session.server'
import { actorOf } from '~/models/foundation/audit.server'
import { labelledExport } from '~/models/recommendations/labelled.server'
import { pageRange } from '~/models/recommendations/page.server'
import { privacyFor } from '~/models/recommendations/privacy.server'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { db } from '~/utils/db.server'

// The labelled data for retraining as CSV: the range of the analytics pages, recorded as an export
// whose id is in the file name and on every row (name it when reporting which model trained on it).

const COLUMNS = [
  'recommendation_id',
  'generated_at',
  'recommendation_type',
  'model_version',
  'explanation_shown',
  'explanation',
  'account_id',
  'decision',
  'decided_at',
  'reason_code',
  'reason_text',
  'actioned',
  'opportunity',
  'won',
  'seller_id',
  'region',
  'segment',
  'tech_affinity',
  'team',
  'manager_id',
  'seller_attributes_suppressed',
] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'analytics:read')
  const { range } = await pageRange(db, request)
  const { exportId, rows } = await labelledExport(
    db,
    actorOf(user),
    { from: range.from, to: range.to, userId: user.id },
    privacyFor(user),
  )
  const cell = (value: unknown) =>
    typeof value === 'boolean' ? String(value) : value instanceof Date ? value.toISOString() : value
  return csvResponse(
    `labelled-recommendations-${range.from}-${range.to}-${exportId}.csv`,
    toCsv(
      ['export_id', ...COLUMNS],
      rows.map((row) => [exportId, ...COLUMNS.map((column) => cell(row[column]))]),
    ),
  )
}
