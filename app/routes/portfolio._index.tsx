import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { getUserLocale, requirePermission } from '~/auth/session.server'
import { ListFilters, ListFooter, ListSearch } from '~/components/list-controls'
import { EmptyState, PageHeader } from '~/components/page'
import { PortfolioTable } from '~/components/sponsor/portfolio-table'
import { useFormat, useT } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { STAGES } from '~/models/foundation/initiative.schema'
import { PortfolioQuerySchema } from '~/models/sponsor/portfolio.schema'
import {
  listOpenPrograms,
  matchPortfolio,
  portfolioOf,
  portfolioProgram,
  portfolioView,
  sortPortfolio,
} from '~/models/sponsor/portfolio.server'
import sponsorStyles from '~/styles/sponsor.css?url'
import { db } from '~/utils/db.server'
import { todayIn } from '~/utils/calendar'
import { pagesFor } from '~/utils/list-query'

const PAGE_SIZE = 50
import { MetricsLink } from '~/components/metrics-link'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: sponsorStyles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'portfolio:read')
  const query = PortfolioQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [program, programs, locale] = await Promise.all([
    portfolioProgram(db, query.program),
    listOpenPrograms(db),
    getUserLocale(request),
  ])
  const rows = program
    ? await portfolioOf(db, user, program, {
        stage: query.stage,
        band: query.band,
        mode: query.mode,
        mine: query.mine === 'on',
      })
    : []
  return {
    title: `${translate(locale, 'sponsor.portfolio.title')} · Tenfold`,
    program,
    programs,
    query,
    today: program ? todayIn(program.reporting_timezone) : null,
    // The at-risk list and the summary count every row the filters keep; the table shows one page.
    rows: sortPortfolio(matchPortfolio(rows, query.q), query.sort, query.dir).map(portfolioView),
    canConfigure: can(user.role, 'program:manage'),
  }
}

export default function PortfolioPage() {
  const { program, programs, query, rows, today, canConfigure } = useLoaderData<typeof loader>()
  const t = useT()
  const fmt = useFormat()
  if (!program) {
    return (
      <>
        <PageHeader title={t('sponsor.portfolio.title')} />
        <EmptyState>{t('sponsor.portfolio.noProgram')}</EmptyState>
      </>
    )
  }
  const modes = rows.flatMap((row) => [row.health.progress, row.health.adoption, row.health.sustainment])
  const atRisk = rows.filter((row) => row.health.worst !== null)
  const search = new URLSearchParams(
    Object.entries({
      program: program.id,
      stage: query.stage,
      band: query.band,
      mode: query.mode,
      mine: query.mine,
      q: query.q,
      sort: query.sort,
      dir: query.dir,
    }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString()
  const pages = pagesFor(rows.length, PAGE_SIZE)
  const page = Math.min(query.page, pages)
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
  return (
    <>
      <PageHeader
        title={t('sponsor.portfolio.title')}
        subtitle={t('sponsor.portfolio.subtitle')}
        actions={
          <>
            <a className="button button-secondary" href={`/portfolio/export/portfolio?${search}`} download>
              {t('sponsor.export.csv')}
            </a>
            <a
              className="button button-secondary"
              href={`/portfolio/export/health-inputs?${search}`}
              download
            >
              {t('sponsor.export.inputsCsv')}
            </a>
            <Link className="button" to={`/portfolio/board-pack?program=${program.id}`}>
              {t('sponsor.boardPack')}
            </Link>
            {canConfigure ? (
              <Link className="button button-secondary" to={`/portfolio/settings?program=${program.id}`}>
                {t('sponsor.portfolio.settings')}
              </Link>
            ) : null}
          </>
        }
      />
      <p className="muted">
        {program.name} · {t('sponsor.portfolio.asOf', { date: fmt.date(today) })} ·{' '}
        {t('sponsor.portfolio.summary', {
          red: modes.filter((m) => m.band === 'red').length,
          amber: modes.filter((m) => m.band === 'amber').length,
          count: rows.length,
        })}{' '}
        <MetricsLink section="health" />
      </p>
      <ListFilters state={query}>
        <ListSearch value={query.q} />
        {programs.length > 1 ? (
          <label>
            {t('initiative.program')}
            <select name="program" defaultValue={program.id}>
              {programs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <input type="hidden" name="program" value={program.id} />
        )}
        <label>
          {t('initiative.stage')}
          <select name="stage" defaultValue={query.stage ?? ''}>
            <option value="">{t('common.all')}</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`stage.${stage}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sponsor.portfolio.band')}
          <select name="band" defaultValue={query.band ?? ''}>
            <option value="">{t('common.all')}</option>
            {(['red', 'amber', 'green'] as const).map((band) => (
              <option key={band} value={band}>
                {t(`sponsor.band.${band}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sponsor.portfolio.mode')}
          <select name="mode" defaultValue={query.mode ?? ''}>
            <option value="">{t('sponsor.portfolio.anyMode')}</option>
            {(['progress', 'adoption', 'sustainment'] as const).map((mode) => (
              <option key={mode} value={mode}>
                {t(`sponsor.mode.${mode}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="mine" defaultChecked={query.mine === 'on'} />
          {t('initiative.mine')}
        </label>
      </ListFilters>
      <section className="card" aria-labelledby="at-risk">
        <h2 id="at-risk">{t('sponsor.portfolio.atRisk')}</h2>
        {atRisk.length ? (
          <ul className="risk-list">
            {atRisk.map((row) => (
              <li key={row.id}>
                <Link to={`/initiatives/${row.id}`}>{row.name}</Link>:{' '}
                {t(`sponsor.modeRisk.${row.health.worst!}`)} ({row.health[row.health.worst!].score})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('sponsor.portfolio.noneAtRisk')}</p>
        )}
      </section>
      {rows.length ? (
        <PortfolioTable rows={shown} t={t} fmt={fmt} sort={query} />
      ) : (
        <EmptyState>{t('sponsor.portfolio.none')}</EmptyState>
      )}
      <ListFooter page={page} pages={pages} total={rows.length} csv={false} />
    </>
  )
}
