import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireUser } from '~/auth/session.server'
import { caseCsv } from '~/models/accountability/business-case-export.server'
import { caseRealisation } from '~/models/accountability/business-case-realisation.server'
import { financeVisible, getCase } from '~/models/accountability/business-case.server'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import { csvResponse } from '~/utils/csv.server'
import { db } from '~/utils/db.server'
import { forbidden, notFound } from '~/utils/http.server'

// The business case's lines and figures as CSV (one version; the latest unless ?version=n).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  if (!(await financeVisible(db, user, initiative))) forbidden()
  const version = z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get('version') ?? undefined)
  const businessCase = await getCase(db, initiative.id, version)
  if (!businessCase) notFound()
  const realisation = await caseRealisation(db, initiative, businessCase)
  return csvResponse(`business-case-v${businessCase.version}.csv`, caseCsv(businessCase, realisation))
}
