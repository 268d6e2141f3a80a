import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { translate } from '~/i18n/translate'
import { todayIn } from '~/utils/calendar'
import { EXPORT_TABLES, exportCsv } from '~/models/sponsor/portfolio-export.server'
import {
  parsePeriod,
  PortfolioQuerySchema,
  previousMonth,
  ReportQuerySchema,
} from '~/models/sponsor/portfolio.schema'
import { portfolioProgram } from '~/models/sponsor/portfolio.server'
import { csvResponse } from '~/utils/csv.server'
import { db } from '~/utils/db.server'
import { invariantResponse, notFound } from '~/utils/http.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'portfolio:read')
  const table = EXPORT_TABLES.find((name) => name === params.table)
  if (!table) notFound()
  const search = Object.fromEntries(new URL(request.url).searchParams)
  const query = PortfolioQuerySchema.parse(search)
  const report = ReportQuerySchema.parse(search)
  const program = await portfolioProgram(db, query.program)
  if (!program) notFound()
  const period = parsePeriod(report.period ?? previousMonth(todayIn(program.reporting_timezone)))
  invariantResponse(period, translate(await getUserLocale(request), 'sponsor.report.badPeriod'))
  const { filename, csv } = await exportCsv(db, user, program, table, {
    query,
    period,
    initiativeId: report.initiative,
  })
  return csvResponse(filename, csv)
}
