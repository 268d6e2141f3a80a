import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { requireUser } from '~/auth/session.server'
import { FeedbackAnalytics } from '~/components/eet/feedback-analytics'
import { FeedbackStatusBadge, SectionHeader } from '~/components/eet/feedback-bits'
import { Badge, EmptyState } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import {
  FEEDBACK_KINDS,
  FEEDBACK_SORTS,
  FEEDBACK_STATUSES,
  FeedbackFilterSchema,
} from '~/models/eet/eet.schema'
import { listReleases } from '~/models/eet/eet.server'
import { feedbackSummary, listFeedbackPage } from '~/models/eet/feedback.server'
import { ListFilters, ListFooter, ListSearch } from '~/components/list-controls'
import { listCsvResponse, type CsvColumn } from '~/utils/list-csv.server'
import { readListQuery } from '~/utils/list-query'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import { db } from '~/utils/db.server'

export const meta: MetaFunction = () => [{ title: 'Pilot feedback · Tenfold' }]

const LIST = {
  sorts: FEEDBACK_SORTS,
  defaultSort: 'created',
  defaultDir: 'desc',
  filters: FeedbackFilterSchema.shape,
} as const

type Row = Awaited<ReturnType<typeof listFeedbackPage>>['rows'][number]
const CSV: CsvColumn<Row>[] = [
  { header: 'eet.feedback.titleField', value: (row) => row.title },
  { header: 'eet.field.status', value: (row, t) => t(`eet.status.${row.status}`) },
  { header: 'eet.feedback.kind', value: (row, t) => t(`eet.feedback.kind.${row.kind}`) },
  { header: 'eet.feedback.release', value: (row) => row.release },
  { header: 'eet.feedback.votesLabel', value: (row) => row.votes },
  { header: 'eet.feedback.usefulness', value: (row) => row.usefulness },
  { header: 'eet.feedback.ease', value: (row) => row.ease },
  { header: 'eet.feedback.recommend', value: (row) => row.recommend },
  { header: 'eet.feedback.submitter', value: (row) => row.submitter_name },
  { header: 'eet.feedback.created', value: (row) => row.created_at },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const query = readListQuery(request, LIST)
  const filter = { ...query, q: query.q || undefined }
  if (query.csv) {
    const all = await listFeedbackPage(db, user, initiative.id, { ...filter, pageSize: null })
    return listCsvResponse(request, 'pilot-feedback.csv', CSV, all.rows)
  }
  const [list, figures, releases] = await Promise.all([
    listFeedbackPage(db, user, initiative.id, filter),
    feedbackSummary(db, initiative.id, { release: filter.release }),
    listReleases(db, initiative.id),
  ])
  return {
    initiativeId: initiative.id,
    items: list.rows,
    list: { total: list.total, page: list.page, pages: list.pages },
    figures,
    releases: [
      ...new Set([
        ...releases.map((release) => release.version),
        ...figures.perRelease.map((r) => r.release),
      ]),
    ],
    filter,
    canSubmit: can(user.role, 'feedback:submit'),
  }
}

export default function FeedbackListPage() {
  const { initiativeId, items, list, figures, releases, filter, canSubmit } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <>
      <SectionHeader
        title={t('eet.feedback.title')}
        subtitle={t('eet.feedback.subtitle')}
        actions={
          canSubmit ? (
            <Link className="button" to={`/initiatives/${initiativeId}/feedback/new`}>
              {t('eet.feedback.new')}
            </Link>
          ) : null
        }
      />
      <ListFilters state={filter} ownSort>
        <ListSearch value={filter.q ?? ''} />
        <label>
          {t('list.sortBy')}
          <select name="sort" defaultValue={filter.sort}>
            {FEEDBACK_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`eet.feedback.sort.${sort}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list.direction')}
          <select name="dir" defaultValue={filter.dir}>
            <option value="asc">{t('list.asc')}</option>
            <option value="desc">{t('list.desc')}</option>
          </select>
        </label>
        <label>
          {t('eet.feedback.release')}
          <select name="release" defaultValue={filter.release ?? ''}>
            <option value="">{t('eet.stats.allReleases')}</option>
            {releases.map((release) => (
              <option key={release}>{release}</option>
            ))}
          </select>
        </label>
        <label>
          {t('eet.feedback.kind')}
          <select name="kind" defaultValue={filter.kind ?? ''}>
            <option value="">{t('common.all')}</option>
            {FEEDBACK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`eet.feedback.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('eet.field.status')}
          <select name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('common.all')}</option>
            {FEEDBACK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`eet.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine === '1'} />
          {t('eet.feedback.mine')}
        </label>
      </ListFilters>
      {items.length === 0 ? (
        <EmptyState>{t('eet.feedback.empty')}</EmptyState>
      ) : (
        <ul className="card-list" aria-label={t('eet.feedback.title')}>
          {items.map((item) => (
            <li key={item.id} className="card">
              <h3>
                <Link to={`/initiatives/${initiativeId}/feedback/${item.id}`}>{item.title}</Link>
              </h3>
              <p>
                <FeedbackStatusBadge status={item.status} />{' '}
                {item.merged_into ? <Badge>{t('eet.feedback.mergedShort')}</Badge> : null}{' '}
                <Badge>{t(`eet.feedback.kind.${item.kind}`)}</Badge> {item.release}{' '}
                {item.mine ? <Badge tone="info">{t('eet.feedback.yours')}</Badge> : null}{' '}
                <span aria-label={t('eet.feedback.votesLabel')}>
                  {t('eet.feedback.votes', { count: item.votes })}
                </span>
              </p>
              <p className="muted">
                {t('eet.feedback.ratings', {
                  usefulness: item.usefulness,
                  ease: item.ease,
                  recommend: item.recommend,
                })}{' '}
                · {item.submitter_name ? t('eet.feedback.by', { name: item.submitter_name }) : null} ·{' '}
                {format.date(item.created_at)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <ListFooter page={list.page} pages={list.pages} total={list.total} />
      <FeedbackAnalytics figures={figures} />
    </>
  )
}
