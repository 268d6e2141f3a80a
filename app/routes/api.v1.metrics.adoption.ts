import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireApiKey } from '~/auth/api-key.server'
import { AdoptionQuerySchema } from '~/models/recommendations/metrics.schema'
import { recommendationAdoption } from '~/models/recommendations/adoption.server'
import { db } from '~/utils/db.server'
import { translate } from '~/i18n/translate'
import { zodErrors } from '~/utils/forms'

// GET /api/v1/metrics/adoption?from&to&group_by — adoption of the tool by eligible reps (docs/api.md).

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiKey(request, 'metrics:read')
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = AdoptionQuerySchema.safeParse({ ...params, group_by: params.group_by || undefined })
  if (!parsed.success) {
    const errors = zodErrors('en', parsed.error)
    return Response.json(
      { error: { code: 'invalid_query', message: translate('en', 'errors.form'), fields: errors } },
      { status: 400 },
    )
  }
  return Response.json(await recommendationAdoption(db, parsed.data))
}
