import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requirePermission } from '~/auth/session.server'
import { auditEntriesBetween } from '~/models/foundation/audit-export.server'
import { reportingProgram } from '~/models/foundation/reporting-program.server'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { db } from '~/utils/db.server'
import { invariantResponse } from '~/utils/http.server'

// GET /admin/audit/export?from=YYYY-MM-DD&to=YYYY-MM-DD — the audit log of [from, to) as CSV.

const RangeSchema = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((range) => range.from < range.to, { path: ['to'] })

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audit:read')
  const parsed = RangeSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  invariantResponse(parsed.success, 'Give from and to as YYYY-MM-DD, from before to', { status: 400 })
  const { timezone } = await reportingProgram(db)
  const rows = await auditEntriesBetween(db, parsed.data, timezone)
  return csvResponse(
    `audit-${parsed.data.from}-${parsed.data.to}.csv`,
    toCsv(
      ['id', 'at', 'actor_id', 'actor', 'action', 'entity_type', 'entity_id', 'before', 'after'],
      rows.map((row) => [
        row.id,
        row.at.toISOString(),
        row.actor_id,
        row.actor_label,
        row.action,
        row.entity_type,
        row.entity_id,
        row.before === null ? '' : JSON.stringify(row.before),
        row.after === null ? '' : JSON.stringify(row.after),
      ]),
    ),
  )
}
