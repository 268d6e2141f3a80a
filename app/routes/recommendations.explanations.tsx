import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/auth/session.server'
import { Chart } from '~/components/charts/chart'
import { EmptyState } from '~/components/page'
import { AdjustedTable } from '~/components/recommendations/adjusted-table'
import { EvidenceTable } from '~/components/recommendations/evidence-table'
import { RangeFilter } from '~/components/recommendations/range-filter'
import { useFormat, useT } from '~/i18n/react'
import { explanationEvidence, modelVersionEvidence } from '~/models/recommendations/insights.server'
import { pageRange } from '~/models/recommendations/page.server'
import {
  guardExplanationEvidence,
  guardModelVersions,
  privacyFor,
} from '~/models/recommendations/privacy.server'
import { db } from '~/utils/db.server'
import { MetricsLink } from '~/components/metrics-link'
import { DataTable } from '~/components/data-table'
import { listModelTrainings } from '~/models/recommendations/labelled.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'analytics:read')
  const { range, invalid, timezone } = await pageRange(db, request)
  const privacy = privacyFor(user)
  const [explanations, versions, trainings] = await Promise.all([
    explanationEvidence(db, range, timezone).then((evidence) =>
      guardExplanationEvidence(db, evidence, range, timezone, privacy),
    ),
    modelVersionEvidence(db, range, timezone).then((list) =>
      guardModelVersions(db, list, range, timezone, privacy),
    ),
    listModelTrainings(db),
  ])
  return { range: { from: range.from, to: range.to }, invalid, explanations, versions, trainings }
}

export default function ExplanationsPage() {
  const { range, invalid, explanations, versions, trainings } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  const withLabel = t('recommendations.key.with')
  const withoutLabel = t('recommendations.key.without')
  // Every p on the page: acceptance and conversion, for explanations and for each version compared.
  const tests = 2 + 2 * versions.filter((version) => version.adjusted).length
  const empty =
    !explanations.suppressed &&
    explanations.acceptance.a.n +
      explanations.acceptance.b.n +
      explanations.conversion.a.n +
      explanations.conversion.b.n ===
      0
  return (
    <section aria-labelledby="explanations-heading">
      <h2 id="explanations-heading">{t('recommendations.evidence.explanations')}</h2>
      <RangeFilter range={range} invalid={invalid} />
      <p className="muted">
        {t('recommendations.evidence.explain')} <MetricsLink section="evidence" />
      </p>
      <p className="muted">
        {t('recommendations.adjusted.several', {
          tests: tests,
          threshold: format.number(0.05 / tests, { maximumSignificantDigits: 2 }),
        })}
      </p>
      {explanations.suppressed ? (
        <p className="muted">{t('recommendations.privacy.fewerThan')}</p>
      ) : empty ? (
        <EmptyState>{t('recommendations.empty')}</EmptyState>
      ) : (
        <>
          <h3>{t('recommendations.adjusted.explanationsTitle')}</h3>
          <AdjustedTable
            caption={t('recommendations.adjusted.explanationsTitle')}
            adjusted={explanations.adjusted}
          />
          <h3>{t('recommendations.adjusted.naiveTitle')}</h3>
          <div className="card">
            <Chart
              kind="bar"
              title={t('recommendations.evidence.chart')}
              labels={[t('recommendations.rate.acceptance_rate'), t('recommendations.rate.conversion_rate')]}
              series={[
                {
                  label: withLabel,
                  values: [explanations.acceptance.a.rate, explanations.conversion.a.rate],
                },
                {
                  label: withoutLabel,
                  values: [explanations.acceptance.b.rate, explanations.conversion.b.rate],
                },
              ]}
              format="percent"
              yMin={0}
            />
          </div>
          <EvidenceTable
            caption={t('recommendations.evidence.explanations')}
            comparison={explanations}
            labelA={withLabel}
            labelB={withoutLabel}
          />
        </>
      )}
      <h2>{t('recommendations.evidence.models')}</h2>
      <p className="muted">{t('recommendations.evidence.modelsExplain')}</p>
      {versions.length === 0 ? <EmptyState>{t('recommendations.empty')}</EmptyState> : null}
      {versions.map((version) => (
        <div className="card" key={version.version}>
          <h3>
            {version.version}{' '}
            <span className="muted">
              {format.date(version.firstAt)} ·{' '}
              {version.previous
                ? `${t('recommendations.evidence.previous')}: ${version.previous}`
                : t('recommendations.evidence.first')}
            </span>
          </h3>
          {version.suppressed ? (
            <p className="muted">{t('recommendations.privacy.fewerThan')}</p>
          ) : version.comparison && version.adjusted ? (
            <>
              <h4>{t('recommendations.adjusted.versionsTitle')}</h4>
              <AdjustedTable
                caption={t('recommendations.adjusted.versionsTitle')}
                adjusted={version.adjusted}
              />
              <h4>{t('recommendations.adjusted.beforeAfterTitle')}</h4>
              <EvidenceTable
                caption={version.version}
                comparison={version.comparison}
                labelA={version.version}
                labelB={version.previous ?? ''}
              />
            </>
          ) : (
            <p>
              {t('recommendations.rate.acceptance_rate')}: {format.percent(version.figures.acceptance_rate)} ·{' '}
              {t('recommendations.rate.conversion_rate')}: {format.percent(version.figures.conversion_rate)}
            </p>
          )}
        </div>
      ))}
      <h2 id="training-data">{t('recommendations.labelled.title')}</h2>
      <p className="muted">
        {t('recommendations.labelled.explain')} <MetricsLink section="labelled" />
      </p>
      <p>
        <a
          className="button button-secondary"
          href={`/recommendations/labelled/export?from=${range.from}&to=${range.to}`}
          download
        >
          {t('recommendations.labelled.export')}
        </a>
      </p>
      {trainings.length === 0 ? (
        <EmptyState>{t('recommendations.labelled.noTrainings')}</EmptyState>
      ) : (
        <DataTable
          caption={t('recommendations.labelled.trainings')}
          rows={trainings}
          rowKey={(row) => `${row.model_version}/${row.export_id}`}
          columns={[
            { header: t('recommendations.labelled.modelVersion'), cell: (row) => row.model_version },
            { header: t('recommendations.labelled.exportId'), cell: (row) => <code>{row.export_id}</code> },
            {
              header: t('recommendations.labelled.range'),
              cell: (row) => `${format.date(row.range_from)} – ${format.date(row.range_to)}`,
            },
            {
              header: t('recommendations.labelled.rows'),
              numeric: true,
              cell: (row) => format.number(row.rows),
            },
            {
              header: t('recommendations.labelled.reportedAt'),
              cell: (row) => format.dateTime(row.reported_at),
            },
          ]}
        />
      )}
    </section>
  )
}
