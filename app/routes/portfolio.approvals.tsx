import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import { FormError } from '~/components/forms'
import { ListFilters, ListFooter, ListSearch } from '~/components/list-controls'
import { SortableTh } from '~/components/sortable-th'
import { EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { approvalQueue } from '~/models/accountability/approvals.server'
import { decideCase } from '~/models/accountability/business-case.server'
import { ApprovalDecisionSchema } from '~/models/sponsor/approvals.schema'
import { ApprovalForm } from '~/components/sponsor/approval-form'
import { criteriaSummary, GateCriteriaList } from '~/components/accountability/gate-criteria'
import { programTimezone } from '~/models/foundation/reporting-program.server'
import { todayIn } from '~/utils/calendar'
import { decideGate } from '~/models/accountability/gate.server'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import { db } from '~/utils/db.server'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { listCsvResponse, type CsvColumn } from '~/utils/list-csv.server'
import { applyListQuery, readListQuery } from '~/utils/list-query'
import { z } from 'zod'
import { forbidden } from '~/utils/http.server'
import { parseSubmission } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { DomainError, isDomainError } from '~/utils/domain-error'

// The sponsor's inbox: business cases and stage gates waiting for this user's decision
// (accountability's approvalQueue): per row what is asked, who asked, the case's NPV and, for a gate,
// its criteria as the data judges them now. Each row decides in place — approve, request changes or
// reject with a note; approving a gate with an unmet criterion needs the override's reason.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tenfold' }]

const LIST = {
  sorts: ['initiative', 'asked', 'npv', 'askedBy'],
  defaultSort: 'asked',
  filters: { kind: z.enum(['case', 'gate']).optional().catch(undefined) },
} as const

type Queue = Awaited<ReturnType<typeof approvalQueue>>
type QueueRow =
  | ({ kind: 'case'; at: Queue['cases'][number]['submitted_at'] } & Queue['cases'][number])
  | ({ kind: 'gate'; at: Queue['gates'][number]['requested_at'] } & Queue['gates'][number])

const CSV: CsvColumn<QueueRow>[] = [
  { header: 'sponsor.portfolio.initiative', value: (row) => row.initiative_name },
  {
    header: 'sponsor.approvals.kind',
    value: (row, t) => t(row.kind === 'case' ? 'sponsor.approvals.cases' : 'sponsor.approvals.gates'),
  },
  {
    header: 'sponsor.approvals.asked',
    value: (row, t) =>
      row.kind === 'case'
        ? t('sponsor.approvals.version', { version: row.version })
        : t('sponsor.approvals.gate', {
            from: t(`stage.${row.from_stage as 'frame'}`),
            to: t(`stage.${row.to_stage}`),
          }),
  },
  {
    header: 'accountability.criteria',
    value: (row, t) =>
      row.kind === 'gate' ? t('accountability.gateEvidence.summary', criteriaSummary(row.criteria)) : '',
  },
  { header: 'accountability.npv', value: (row) => row.npv },
  { header: 'sponsor.approvals.askedBy', value: (row) => row.asked_by },
  { header: 'sponsor.approvals.submittedAt', value: (row) => row.at },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user.role, 'business-case:decide') && !can(user.role, 'gate:decide')) forbidden()
  const query = readListQuery(request, LIST)
  const [queue, locale] = await Promise.all([approvalQueue(db, user), getUserLocale(request)])
  const rows: QueueRow[] = [
    ...queue.cases.map((row) => ({ ...row, kind: 'case' as const, at: row.submitted_at })),
    ...queue.gates.map((row) => ({ ...row, kind: 'gate' as const, at: row.requested_at })),
  ]
  // One inbox is tens of rows: both tables are one list, filtered, sorted and paged in memory.
  const list = applyListQuery(
    rows.filter((row) => !query.kind || row.kind === query.kind),
    query,
    {
      text: (row) => [row.initiative_name, row.asked_by],
      by: {
        initiative: (row) => row.initiative_name,
        asked: (row) => row.at,
        npv: (row) => row.npv,
        askedBy: (row) => row.asked_by,
      },
    },
  )
  if (query.csv) return listCsvResponse(request, 'approvals.csv', CSV, list.rows)
  return {
    cases: list.rows.flatMap((row) => (row.kind === 'case' ? [row] : [])),
    gates: list.rows.flatMap((row) => (row.kind === 'gate' ? [row] : [])),
    waiting: rows.length,
    list: { page: list.page, pages: list.pages, total: list.total },
    query,
    title: `${translate(locale, 'sponsor.approvals.title')} · Tenfold`,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user.role, 'business-case:decide') && !can(user.role, 'gate:decide')) forbidden()
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const submission = parseSubmission(formData, ApprovalDecisionSchema, locale)
  const rowId = String(formData.get('rowId') ?? '')
  if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { rowId })
  const input = submission.value
  if (!can(user.role, input.intent === 'decide-case' ? 'business-case:decide' : 'gate:decide')) forbidden()
  const initiative = await requireInitiative(user, input.initiativeId)
  // A rejection closes the case version or the gate: it runs only once confirmed (ConfirmSubmit).
  if (input.decision === 'rejected' && !isConfirmed(formData))
    return askConfirmation(formData, submission, { rowId })
  try {
    if (input.intent === 'decide-case') {
      await decideCase(db, user, initiative, input.decision, input.note)
    } else {
      const today = todayIn(await programTimezone(db, initiative.program_id))
      await decideGate(
        db,
        user,
        initiative,
        {
          gate_id: input.rowId,
          decision: input.decision,
          decision_date: today,
          decision_notes: input.note,
          override_reason: input.override_reason,
        },
        today,
      )
    }
  } catch (error) {
    if (!isDomainError(error)) throw error
    if (error.code === 'accountability.errors.notSponsor') forbidden()
    if (error.field) return refuseSubmission(locale, submission, error, { rowId })
    // The queue words a lost race its own way: what the sponsor clicked no longer waits for them.
    const own = isDomainError(error, 'accountability.errors.ownCase', 'accountability.errors.ownGate')
    const reason = own ? 'sponsor.approvals.ownCase' : 'sponsor.approvals.notPending'
    return refuseSubmission(locale, submission, new DomainError(reason), { rowId })
  }
  return redirectWithToast('/portfolio/approvals', {
    kind: 'success',
    message:
      input.intent === 'decide-case'
        ? `accountability.toast.${input.decision}`
        : `accountability.toast.gate.${input.decision}`,
  })
}

export default function ApprovalsPage() {
  const { cases, gates, waiting, list, query } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const fmt = useFormat()
  const money = (value: number | null) =>
    value === null ? '—' : fmt.number(value, { maximumFractionDigits: 0 })
  const answerFor = (rowId: string) => (actionData?.rowId === rowId ? actionData.result : null)
  const rowAnswered = [...cases, ...gates].some((row) => row.id === actionData?.rowId)
  return (
    <>
      <PageHeader
        title={t('sponsor.approvals.title')}
        subtitle={t('sponsor.approvals.subtitle')}
        actions={<span className="badge">{t('sponsor.approvals.count', { count: waiting })}</span>}
      />
      <ListFilters state={query}>
        <ListSearch value={query.q} />
        <label>
          {t('sponsor.approvals.kind')}
          <select name="kind" defaultValue={query.kind ?? ''}>
            <option value="">{t('common.all')}</option>
            <option value="case">{t('sponsor.approvals.cases')}</option>
            <option value="gate">{t('sponsor.approvals.gates')}</option>
          </select>
        </label>
      </ListFilters>
      <FormError message={rowAnswered ? null : actionData?.formError} />
      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">{t('sponsor.approvals.cases')}</h2>
        {cases.length ? (
          <div className="table-wrap">
            <table className="stack-on-phone">
              <thead>
                <tr>
                  <SortableTh sortKey="initiative" sort={query}>
                    {t('sponsor.portfolio.initiative')}
                  </SortableTh>
                  <SortableTh sortKey="askedBy" sort={query}>
                    {t('sponsor.approvals.askedBy')}
                  </SortableTh>
                  <SortableTh sortKey="npv" sort={query} numeric>
                    {t('accountability.npv')}
                  </SortableTh>
                  <th scope="col">{t('sponsor.approvals.decide')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={`/initiatives/${item.initiative_id}/case`}>{item.initiative_name}</Link>
                      <div className="muted">{t('sponsor.approvals.version', { version: item.version })}</div>
                    </th>
                    <td>
                      {item.asked_by ?? '—'}
                      <div className="muted">
                        {t('sponsor.approvals.askedAt', {
                          date: fmt.dateTime(item.submitted_at, item.zone),
                          zone: item.zone,
                        })}
                      </div>
                    </td>
                    <td className="num">{money(item.npv)}</td>
                    <td>
                      <ApprovalForm
                        kind="case"
                        rowId={item.id}
                        initiativeId={item.initiative_id}
                        label={`${t('sponsor.approvals.decide')}: ${item.initiative_name}`}
                        lastResult={answerFor(item.id)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t(waiting ? 'sponsor.approvals.noneMatch' : 'sponsor.approvals.none')}</EmptyState>
        )}
      </section>
      <section aria-labelledby="gates-heading">
        <h2 id="gates-heading">{t('sponsor.approvals.gates')}</h2>
        {gates.length ? (
          <div className="table-wrap">
            <table className="stack-on-phone">
              <thead>
                <tr>
                  <SortableTh sortKey="initiative" sort={query}>
                    {t('sponsor.portfolio.initiative')}
                  </SortableTh>
                  <SortableTh sortKey="asked" sort={query}>
                    {t('sponsor.approvals.asked')}
                  </SortableTh>
                  <th scope="col">{t('accountability.criteria')}</th>
                  <SortableTh sortKey="npv" sort={query} numeric>
                    {t('accountability.npv')}
                  </SortableTh>
                  <SortableTh sortKey="askedBy" sort={query}>
                    {t('sponsor.approvals.askedBy')}
                  </SortableTh>
                  <th scope="col">{t('sponsor.approvals.decide')}</th>
                </tr>
              </thead>
              <tbody>
                {gates.map((gate) => (
                  <tr key={gate.id}>
                    <th scope="row">
                      <Link to={`/initiatives/${gate.initiative_id}/gates`}>{gate.initiative_name}</Link>
                    </th>
                    <td>
                      {t('sponsor.approvals.gate', {
                        from: t(`stage.${gate.from_stage as 'frame'}`),
                        to: t(`stage.${gate.to_stage}`),
                      })}
                    </td>
                    <td>
                      {t('accountability.gateEvidence.summary', criteriaSummary(gate.criteria))}
                      <GateCriteriaList criteria={gate.criteria} />
                    </td>
                    <td className="num">{money(gate.npv)}</td>
                    <td>
                      {gate.asked_by ?? '—'}
                      <div className="muted">
                        {t('sponsor.approvals.askedAt', {
                          date: fmt.dateTime(gate.requested_at, gate.zone),
                          zone: gate.zone,
                        })}
                      </div>
                    </td>
                    <td>
                      <ApprovalForm
                        kind="gate"
                        rowId={gate.id}
                        initiativeId={gate.initiative_id}
                        label={`${t('sponsor.approvals.decide')}: ${gate.initiative_name}`}
                        lastResult={answerFor(gate.id)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t(waiting ? 'sponsor.approvals.noneMatch' : 'sponsor.approvals.none')}</EmptyState>
        )}
      </section>
      <ListFooter page={list.page} pages={list.pages} total={list.total} />
    </>
  )
}
