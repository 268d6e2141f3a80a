import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useFormKey } from '~/components/form-key'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { can } from '~/auth/permissions'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { Chart } from '~/components/charts/chart'
import { CheckInForm } from '~/components/kpi/check-in-form'
import { DriverLinkForm } from '~/components/kpi/driver-link-form'
import { FormError } from '~/components/forms'
import { KpiStatusBadge, KpiValue, useKpiName } from '~/components/kpi/kpi-ui'
import { RevisionHistory } from '~/components/kpi/revision-history'
import { EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { kpiNumbers, createDriverLink, deleteDriverLink, listDriverLinks } from '~/models/kpi/chart.server'
import { requireKpi } from '~/models/kpi/guard.server'
import { itemRefusal } from '~/models/kpi/import.server'
import {
  checkItem,
  currentMeasurement,
  listRevisions,
  recordMeasurements,
  writerForUser,
} from '~/models/kpi/measurement.server'
import { DomainError } from '~/utils/domain-error'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { ConfirmButton } from '~/components/confirm-dialog'
import { CheckInSchema, DriverLinkSchema } from '~/models/kpi/kpi.schema'
import { listLaggingKpis } from '~/models/kpi/kpi.server'
import styles from '~/styles/kpi.css?url'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { forbidden, invariantResponse } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'
import { MetricsLink } from '~/components/metrics-link'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const kpi = await requireKpi(user, params.kpiId)
  const [numbers, revisions, driverLinks, candidates] = await Promise.all([
    kpiNumbers(db, kpi),
    listRevisions(db, kpi.id),
    listDriverLinks(db, kpi.id),
    kpi.kind === 'leading' && kpi.can_edit ? listLaggingKpis(db, user, kpi) : Promise.resolve([]),
  ])
  return {
    kpi,
    status: kpi.status,
    ...numbers,
    revisions,
    driverLinks,
    candidates,
    canMeasure: kpi.can_edit && can(user.role, 'kpi:measure') && kpi.rollup === 'none',
    canEdit: kpi.can_edit && can(user.role, 'kpi:edit'),
  }
}

const UnlinkSchema = z.object({ intent: z.literal('unlink'), link_id: z.uuid() })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const kpi = await requireKpi(user, params.kpiId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'checkin') {
    if (!kpi.can_edit || !can(user.role, 'kpi:measure')) forbidden()
    return saveOnce(db, { request, user, formData, form: 'kpi-checkin' }, async () => {
      const extra = { intent } as const
      const submission = parseSubmission(formData, CheckInSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, extra)
      const { period_end, value, note, confidence } = submission.value
      const checked = checkItem(kpi, { period_end, value, note }, new Map(), 0)
      if (!checked.ok) {
        const field = ['badValue', 'outOfRange'].includes(checked.error.code) ? 'value' : 'period_end'
        return refuseSubmission(locale, submission, itemRefusal(locale, checked.error, field), extra)
      }
      // Replacing a period's value shows old → new and waits for the box that confirms it.
      const existing = await currentMeasurement(db, kpi.id, period_end)
      if (existing !== null && existing !== value && formData.get('confirm_replace') !== 'yes')
        return refuseSubmission(
          locale,
          submission,
          new DomainError('kpi.checkin.replace', {
            field: 'value',
            status: 409,
            params: { old: existing, new: value, period: period_end },
          }),
          { ...extra, replace: { old: existing, new: value } },
        )
      const [outcome] = await recordMeasurements(db, writerForUser(user, 'form'), [
        { ...checked.item, confidence: confidence ?? null },
      ])
      return redirectWithToast(`/kpis/${kpi.id}`, {
        kind: 'success',
        message: 'kpi.checkedIn',
        vars: { outcome: translate(locale, `kpi.outcome.${outcome!}`) },
      })
    })
  }
  if (!kpi.can_edit || !can(user.role, 'kpi:edit')) forbidden()
  if (intent === 'link') {
    return saveOnce(db, { request, user, formData, form: 'kpi-link' }, async () => {
      const extra = { intent } as const
      const submission = parseSubmission(formData, DriverLinkSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, extra)
      try {
        await createDriverLink(db, user, kpi, submission.value)
      } catch (error) {
        return refuseSubmission(locale, submission, error, extra)
      }
      return redirectWithToast(`/kpis/${kpi.id}`, { kind: 'success', message: 'kpi.linkCreated' })
    })
  }
  invariantResponse(intent === 'unlink', 'Unknown intent')
  const submission = parseSubmission(formData, UnlinkSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
  if (!isConfirmed(formData)) return askConfirmation(formData)
  const deleted = await deleteDriverLink(db, user, kpi, submission.value.link_id)
  invariantResponse(deleted, 'Not found', { status: 404 })
  return redirectWithToast(`/kpis/${kpi.id}`, { kind: 'success', message: 'kpi.linkDeleted' })
}

export default function KpiPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const formKey = useFormKey()
  const t = useT()
  const format = useFormat()
  const name = useKpiName()
  const { kpi } = data
  const title = name(kpi)
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <>
            {kpi.initiative_id ? (
              <Link to={`/initiatives/${kpi.initiative_id}/kpis`}>{kpi.initiative_name}</Link>
            ) : (
              <Link to={`/kpis?program=${kpi.program_id}`}>{t('kpi.programLevel')}</Link>
            )}{' '}
            · {t(`kpi.kind.${kpi.kind}`)} · <code>{kpi.key}</code> <KpiStatusBadge status={data.status} />
          </>
        }
        actions={
          data.canEdit ? (
            <Link className="button-secondary" to="edit">
              {t('action.edit')}
            </Link>
          ) : null
        }
      />
      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">{t('kpi.chartTitle', { name: title })}</h2>
        <p className="field-hint">
          <MetricsLink section="kpi-status" />
        </p>
        {data.chart.labels.length ? (
          <>
            <Chart
              kind="line"
              title={t('kpi.chartTitle', { name: title })}
              titleVisible={false}
              labels={data.chart.labels}
              series={[
                { label: t('kpi.actual'), values: data.chart.actual },
                { label: t('kpi.target'), values: data.chart.target, dashed: true },
              ]}
            />
            {data.chart.thinned ? (
              <p className="field-hint">
                {t('kpi.chartThinned', { total: data.chart.total, shown: data.chart.labels.length })}
              </p>
            ) : null}
          </>
        ) : (
          <EmptyState>{t('kpi.noValues')}</EmptyState>
        )}
      </section>
      <div className="two-column">
        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('kpi.recentPeriods')}</h2>
          {data.recent.length ? (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('kpi.period')}</th>
                    <th scope="col">{t('kpi.value')}</th>
                    <th scope="col">{t('kpi.target')}</th>
                    <th scope="col">{t('kpi.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.recent.map((row) => (
                    <tr key={row.period_end}>
                      <td>{format.date(row.period_end)}</td>
                      <td>
                        <KpiValue value={row.value} unit={kpi.unit} />
                      </td>
                      <td>
                        <KpiValue value={row.target} unit={kpi.unit} />
                      </td>
                      <td>
                        <KpiStatusBadge status={row.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState>{t('kpi.noValues')}</EmptyState>
          )}
        </section>
        <section className="card" aria-labelledby="checkin-title">
          <h2 id="checkin-title">{t('kpi.checkIn')}</h2>
          {kpi.rollup !== 'none' ? (
            <p>{t('kpi.rolledUpInfo', { method: t(`kpi.rollup.${kpi.rollup}`) })}</p>
          ) : data.canMeasure ? (
            <CheckInForm
              key={formKey}
              lastResult={actionData?.intent === 'checkin' ? actionData.result : null}
              replace={
                actionData && 'replace' in actionData
                  ? (actionData.replace as { old: number; new: number })
                  : null
              }
            />
          ) : (
            <p>—</p>
          )}
        </section>
      </div>
      <div className="two-column">
        <section className="card" aria-labelledby="links-title">
          <h2 id="links-title">{t('kpi.links')}</h2>
          <p>{t('kpi.linksIntro')}</p>
          <FormError message={actionData?.intent === 'unlink' ? actionData.formError : null} />
          {data.driverLinks.length ? (
            <ul>
              {data.driverLinks.map((link) => (
                <li key={link.id}>
                  <Link to={`/kpis/${link.leading_kpi_id}`}>
                    {name({ name_en: link.leading_name_en, name_zh_tw: link.leading_name_zh_tw })}
                  </Link>{' '}
                  {t('kpi.drives')}{' '}
                  <Link to={`/kpis/${link.lagging_kpi_id}`}>
                    {name({ name_en: link.lagging_name_en, name_zh_tw: link.lagging_name_zh_tw })}
                  </Link>{' '}
                  ({t('kpi.expectedLag')}: {link.expected_lag}) ·{' '}
                  <Link to={`/kpis/links/${link.id}`}>{t('kpi.openAnalysis')}</Link>{' '}
                  {data.canEdit && link.leading_kpi_id === kpi.id ? (
                    <ConfirmButton
                      fields={{ intent: 'unlink', link_id: link.id }}
                      className="button-secondary"
                      label={t('kpi.removeLink')}
                      title={t('kpi.removeLinkConfirm', {
                        lagging: name({ name_en: link.lagging_name_en, name_zh_tw: link.lagging_name_zh_tw }),
                      })}
                      confirmLabel={t('confirm.remove')}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t('kpi.linksEmpty')}</EmptyState>
          )}
          {data.canEdit && kpi.kind === 'leading' && data.candidates.length ? (
            <DriverLinkForm
              key={formKey}
              candidates={data.candidates}
              lastResult={actionData?.intent === 'link' ? actionData.result : null}
            />
          ) : null}
        </section>
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">{t('kpi.details')}</h2>
          <dl className="facts">
            <dt>{t('kpi.category')}</dt>
            <dd>{t(`kpi.category.${kpi.category}`)}</dd>
            <dt>{t('kpi.direction')}</dt>
            <dd>{t(`kpi.direction.${kpi.direction}`)}</dd>
            <dt>{t('kpi.cadence')}</dt>
            <dd>{t(`kpi.cadence.${kpi.cadence}`)}</dd>
            <dt>{t('kpi.owner')}</dt>
            <dd>{kpi.owner_name ?? t('common.unassigned')}</dd>
            <dt>{t('kpi.baseline')}</dt>
            <dd>
              {kpi.baseline_value !== null ? (
                <>
                  <KpiValue value={kpi.baseline_value} unit={kpi.unit} /> ({format.date(kpi.baseline_date)})
                </>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('kpi.tolerance')}</dt>
            <dd>{format.number(kpi.tolerance_pct)} %</dd>
            <dt>{t('kpi.rollup')}</dt>
            <dd>{t(`kpi.rollup.${kpi.rollup}`)}</dd>
            <dt>{t('kpi.targets')}</dt>
            <dd>
              {data.targets.length
                ? data.targets
                    .map((target) => `${format.date(target.period_end)}: ${format.number(target.value)}`)
                    .join(' · ')
                : t('kpi.noTargets')}
            </dd>
          </dl>
          {kpi.description ? <p>{kpi.description}</p> : null}
        </section>
      </div>
      <RevisionHistory revisions={data.revisions} />
    </>
  )
}
