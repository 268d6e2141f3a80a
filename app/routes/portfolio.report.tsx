import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { EmptyState, PageHeader } from '~/components/page'
import { PeriodReportSections } from '~/components/sponsor/period-report'
import { useFormat, useLocale, useT } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { todayIn } from '~/utils/calendar'
import { periodReport } from '~/models/sponsor/period-report.server'
import { parsePeriod, previousMonth, ReportQuerySchema } from '~/models/sponsor/portfolio.schema'
import { portfolioProgram } from '~/models/sponsor/portfolio.server'
import sponsorStyles from '~/styles/sponsor.css?url'
import { db } from '~/utils/db.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: sponsorStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'portfolio:read')
  const query = ReportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [program, locale] = await Promise.all([portfolioProgram(db, query.program), getUserLocale(request)])
  const title = `${translate(locale, 'sponsor.report.title')} · Tenfold`
  if (!program)
    return { title, program: null, report: null, periodText: '', periodError: false, initiativeId: null }
  const periodText = query.period ?? previousMonth(todayIn(program.reporting_timezone))
  const period = parsePeriod(periodText)
  const report = period ? await periodReport(db, user, program, period, query.initiative) : null
  return data(
    { title, program, report, periodText, periodError: !period, initiativeId: query.initiative ?? null },
    { status: period ? 200 : 400 },
  )
}

export default function PeriodReportPage() {
  const { program, report, periodText, periodError, initiativeId } = useLoaderData<typeof loader>()
  const t = useT()
  const fmt = useFormat()
  const locale = useLocale()
  if (!program) {
    return (
      <>
        <PageHeader title={t('sponsor.report.title')} />
        <EmptyState>{t('sponsor.portfolio.noProgram')}</EmptyState>
      </>
    )
  }
  const params = new URLSearchParams({ program: program.id, period: report?.period.key ?? periodText })
  if (initiativeId) params.set('initiative', initiativeId)
  return (
    <>
      <PageHeader
        title={t('sponsor.report.title')}
        subtitle={report ? t('sponsor.report.subtitle', { period: report.period.key }) : undefined}
        actions={
          report ? (
            <>
              <a
                className="button button-secondary"
                href={`/portfolio/export/report-kpis?${params}`}
                download
              >
                {t('sponsor.export.csv')}
              </a>
              <a
                className="button button-secondary"
                href={`/portfolio/export/report-realisation?${params}`}
                download
              >
                {t('sponsor.export.realisationCsv')}
              </a>
              <Link className="button" to={`/portfolio/board-pack?${params}`}>
                {t('sponsor.boardPack')}
              </Link>
            </>
          ) : null
        }
      />
      <Form method="get" className="filters">
        <input type="hidden" name="program" value={program.id} />
        <label>
          {t('sponsor.report.period')}
          <input
            name="period"
            defaultValue={periodText}
            aria-invalid={periodError || undefined}
            aria-describedby="period-hint"
            pattern="\d{4}-(0[1-9]|1[0-2]|Q[1-4])"
            maxLength={10}
          />
        </label>
        {report ? (
          <label>
            {t('sponsor.report.scope')}
            <select name="initiative" defaultValue={initiativeId ?? ''}>
              <option value="">{t('sponsor.report.wholePortfolio')}</option>
              {report.initiatives.map((initiative) => (
                <option key={initiative.id} value={initiative.id}>
                  {initiative.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" className="button-secondary">
          {t('sponsor.report.show')}
        </button>
      </Form>
      <p
        id="period-hint"
        className={periodError ? 'field-error' : 'muted'}
        role={periodError ? 'alert' : undefined}
      >
        {periodError ? t('sponsor.report.badPeriod') : t('sponsor.report.periodHint')}
      </p>
      {report ? <PeriodReportSections report={report} t={t} fmt={fmt} locale={locale} /> : null}
    </>
  )
}
