import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUser } from '~/auth/session.server'
import { CaseStatusBadge, CaseView } from '~/components/accountability/business-case-view'
import { CaseDiffTable } from '~/components/accountability/case-diff'
import { EmptyState } from '~/components/page'
import { useFormat, useLocale, useT } from '~/i18n/react'
import { diffCases } from '~/models/accountability/business-case-diff'
import {
  financeVisible,
  getCase,
  listCaseVersions,
  listKpiChoices,
  withoutFinance,
} from '~/models/accountability/business-case.server'
import { isDecided } from '~/models/accountability/business-case.schema'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import styles from '~/styles/accountability.css?url'
import { db } from '~/utils/db.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const version = z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const url = new URL(request.url)
  const [versions, finance, kpis] = await Promise.all([
    listCaseVersions(db, initiative.id),
    financeVisible(db, user, initiative),
    listKpiChoices(db, initiative),
  ])
  // By default compare the newest version with the one before it.
  const left = version.parse(url.searchParams.get('a') ?? undefined) ?? versions[1]?.version
  const right = version.parse(url.searchParams.get('b') ?? undefined) ?? versions[0]?.version
  const load = async (n: number | undefined) => {
    if (n === undefined) return null
    const found = await getCase(db, initiative.id, n)
    if (!found) return null
    return finance ? found : withoutFinance(found)
  }
  const [a, b] = await Promise.all([load(left), load(right)])
  // Differences read from the older side to the newer one, whichever order the selects name them.
  const [older, newer] = a && b && a.version > b.version ? [b, a] : [a, b]
  const diffs = older && newer && older.version !== newer.version ? diffCases(older, newer) : null
  return { versions, a, b, left: left ?? null, right: right ?? null, diffs, kpis }
}

export default function CaseVersionsPage() {
  const { versions, a, b, left, right, diffs, kpis } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const locale = useLocale()
  const kpiNames = Object.fromEntries(
    kpis.map((kpi) => [kpi.id, locale === 'zh-TW' ? kpi.name_zh_tw : kpi.name_en]),
  )
  if (versions.length === 0) return <EmptyState>{t('accountability.noCase')}</EmptyState>
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      {t('accountability.versionN', { version: v.version })} · {t(`accountability.caseStatus.${v.status}`)}
    </option>
  ))
  return (
    <section>
      <h2>{t('accountability.versions')}</h2>
      <div className="table-wrap" role="region" aria-label={t('accountability.versions')} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t('accountability.versions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accountability.version')}</th>
              <th scope="col">{t('accountability.status')}</th>
              <th scope="col">{t('accountability.author')}</th>
              <th scope="col">{t('accountability.submittedAt')}</th>
              <th scope="col">{t('accountability.decidedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">{t('accountability.versionN', { version: v.version })}</th>
                <td>
                  <CaseStatusBadge status={v.status} />
                </td>
                <td>{v.author_name ?? '—'}</td>
                <td>{format.dateTime(v.submitted_at)}</td>
                <td>
                  {v.decider_name && isDecided(v.status)
                    ? `${v.decider_name} · ${format.dateTime(v.decided_at)}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="get" className="filters">
        <label>
          {t('accountability.compareLeft')}
          <select name="a" defaultValue={left ?? undefined}>
            {options}
          </select>
        </label>
        <label>
          {t('accountability.compareRight')}
          <select name="b" defaultValue={right ?? undefined}>
            {options}
          </select>
        </label>
        <button type="submit">{t('accountability.compare')}</button>
      </Form>
      {diffs ? <CaseDiffTable diffs={diffs} kpiNames={kpiNames} /> : null}
      <div className="compare">
        {[a, b].map((side, index) =>
          side ? (
            <section
              key={index}
              className="card"
              aria-label={t('accountability.versionN', { version: side.version })}
            >
              <h3>
                {t('accountability.versionN', { version: side.version })}{' '}
                <CaseStatusBadge status={side.status} />
              </h3>
              <CaseView businessCase={side} headingLevel={3} />
            </section>
          ) : null,
        )}
      </div>
    </section>
  )
}
