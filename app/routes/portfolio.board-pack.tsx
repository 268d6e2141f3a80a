import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { EmptyState } from '~/components/page'
import { PeriodReportSections } from '~/components/sponsor/period-report'
import { PortfolioTable } from '~/components/sponsor/portfolio-table'
import { formatDate, formatDateTime, formatNumber, formatPercent } from '~/i18n/format'
import { LOCALES } from '~/i18n/locales'
import { catalogueFor } from '~/i18n/catalogue'
import { useTranslator } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { todayIn } from '~/utils/calendar'
import { periodReport } from '~/models/sponsor/period-report.server'
import { parsePeriod, previousMonth, ReportQuerySchema } from '~/models/sponsor/portfolio.schema'
import {
  portfolioOf,
  portfolioProgram,
  portfolioView,
  sortPortfolio,
} from '~/models/sponsor/portfolio.server'
import sponsorStyles from '~/styles/sponsor.css?url'
import { db } from '~/utils/db.server'
import { invariantResponse } from '~/utils/http.server'

// The board pack: the portfolio and the period report on printable pages (sponsor.css has the print
// stylesheet), in the language asked for (?lang=en|zh-TW) whatever the reader's own. The browser's
// "Save as PDF" or `npm run board-pack` (scripts/board-pack.ts, headless Chromium) makes the PDF.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: sponsorStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'portfolio:read')
  const query = ReportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const readerLocale = await getUserLocale(request)
  const locale = query.lang ?? readerLocale
  // The browser holds only the reader's catalogue; a pack in the other language brings its own.
  const catalogue = locale === readerLocale ? null : catalogueFor(locale)
  const program = await portfolioProgram(db, query.program)
  const title = `${translate(locale, 'sponsor.pack.title')} · Tenfold`
  if (!program)
    return { title, locale, catalogue, program: null, rows: [], report: null, generatedAt: new Date() }
  const period = parsePeriod(query.period ?? previousMonth(todayIn(program.reporting_timezone)))
  invariantResponse(period, translate(locale, 'sponsor.report.badPeriod'))
  const [rows, report] = await Promise.all([
    portfolioOf(db, user, program),
    periodReport(db, user, program, period, query.initiative),
  ])
  const shown = query.initiative ? rows.filter((row) => row.id === query.initiative) : rows
  return {
    title,
    locale,
    catalogue,
    program,
    rows: sortPortfolio(shown, 'worst').map(portfolioView),
    report,
    generatedAt: new Date(),
  }
}

export default function BoardPackPage() {
  const { locale, catalogue, program, rows, report, generatedAt } = useLoaderData<typeof loader>()
  const t = useTranslator(locale, catalogue)
  const fmt = useMemo(
    () => ({
      date: (value: string | null) => formatDate(locale, value),
      number: (value: number | null | undefined, options?: Intl.NumberFormatOptions) =>
        formatNumber(locale, value, options),
      percent: (value: number | null | undefined, digits?: number) => formatPercent(locale, value, digits),
    }),
    [locale],
  )
  if (!program || !report) return <EmptyState>{t('sponsor.portfolio.noProgram')}</EmptyState>
  const base = new URLSearchParams({ program: program.id, period: report.period.key })
  return (
    <article className="pack" lang={locale}>
      <div className="no-print filters">
        <span>{t('sponsor.pack.language')}:</span>
        {LOCALES.map((code) => {
          const params = new URLSearchParams(base)
          params.set('lang', code)
          return (
            <Link
              key={code}
              to={`?${params}`}
              aria-current={code === locale ? 'true' : undefined}
              lang={code}
            >
              {t(`language.${code}`)}
            </Link>
          )
        })}
        <button type="button" onClick={() => window.print()}>
          {t('sponsor.pack.print')}
        </button>
      </div>
      <header className="page-header">
        <div>
          <h1>{t('sponsor.pack.title')}</h1>
          <p className="page-subtitle">
            {t('sponsor.pack.subtitle', { program: program.name, period: report.period.key })}
          </p>
          <p className="muted">
            {t('sponsor.pack.generated', { date: formatDateTime(locale, generatedAt) })}
          </p>
        </div>
      </header>
      <section className="pack-section" aria-labelledby="pack-health">
        <h2 id="pack-health">{t('sponsor.pack.health')}</h2>
        <p className="muted">{t('sponsor.portfolio.subtitle')}</p>
        {rows.length ? (
          <PortfolioTable rows={rows} t={t} fmt={fmt} links={false} />
        ) : (
          <EmptyState>{t('sponsor.portfolio.none')}</EmptyState>
        )}
      </section>
      <div className="pack-break">
        <h2>{t('sponsor.report.subtitle', { period: report.period.key })}</h2>
        <PeriodReportSections report={report} t={t} fmt={fmt} locale={locale} />
      </div>
    </article>
  )
}
