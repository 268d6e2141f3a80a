import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/auth/session.server'
import { rejectedRecommendations } from '~/models/recommendations/insights.server'
import { pageRange } from '~/models/recommendations/page.server'
import { cohortRepsOf, MIN_REPS, privacyFor } from '~/models/recommendations/privacy.server'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { db } from '~/utils/db.server'

// The rejected recommendations of the range as CSV. A resource route: the page's own loader answering
// a file (?format=csv) broke under single fetch (a document request for a page cannot answer a file).

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'analytics:read')
  const { range, timezone } = await pageRange(db, request)
  // Which rep rejected is per-rep data: the export names the rep only for those who may see reps.
  const namesReps = privacyFor(user) === 'full'
  // Rejections by fewer than 5 reps are not exported at all to those who may not see reps: the rows'
  // count alone is a figure about them.
  const rejected = await rejectedRecommendations(db, range, timezone)
  const rows = namesReps || cohortRepsOf(rejected) >= MIN_REPS ? rejected : []
  return csvResponse(
    `rejected-recommendations-${range.from}-${range.to}.csv`,
    toCsv(
      [
        'recommendation_id',
        'seller_id',
        'account_id',
        'recommendation_type',
        'model_version',
        'explanation_shown',
        'generated_at',
        'rejected_at',
        'reason_code',
        'reason_text',
      ],
      rows.map((row) => [
        row.recommendation_id,
        namesReps ? row.seller_id : '',
        row.account_id,
        row.recommendation_type,
        row.model_version,
        row.has_explanation ? 'true' : 'false',
        row.generated_at,
        row.rejected_at,
        row.reason_code,
        row.reason_text,
      ]),
    ),
  )
}
