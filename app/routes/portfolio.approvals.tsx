import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { can } from '~/auth/permissions'
import { FormError } from '~/components/forms'
import { EmptyState, PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { translate } from '~/i18n/translate'
import { decideCase, pendingDecisions } from '~/models/accountability/business-case.server'
import { todayIn } from '~/utils/calendar'
import { decideGate } from '~/models/accountability/gate.server'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import { portfolioProgram } from '~/models/sponsor/portfolio.server'
import { db } from '~/utils/db.server'
import { forbidden } from '~/utils/http.server'
import { fields, parseSubmission } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { DomainError, isDomainError } from '~/utils/domain-error'

// The sponsor's inbox: business cases and stage gates waiting for this user's decision (the accountability area's
// pendingDecisions). Approving is one step here; asking for changes or rejecting needs a comment and
// happens on the case or the gate page itself, which each row links to.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user.role, 'business-case:decide') && !can(user.role, 'gate:decide')) forbidden()
  const [pending, locale] = await Promise.all([pendingDecisions(db, user), getUserLocale(request)])
  return { ...pending, title: `${translate(locale, 'sponsor.approvals.title')} · Tenfold` }
}

const ApproveSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve-case'), initiativeId: z.uuid(), note: fields.optionalText(2000) }),
  z.object({
    intent: z.literal('approve-gate'),
    initiativeId: z.uuid(),
    gateId: z.uuid(),
    note: fields.optionalText(2000),
  }),
])

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user.role, 'business-case:decide') && !can(user.role, 'gate:decide')) forbidden()
  const locale = await getUserLocale(request)
  const submission = parseSubmission(await request.formData(), ApproveSchema, locale)
  if (submission.status !== 'success') return refuseSubmission(locale, submission)
  const input = submission.value
  if (!can(user.role, input.intent === 'approve-case' ? 'business-case:decide' : 'gate:decide')) forbidden()
  const initiative = await requireInitiative(user, input.initiativeId)
  try {
    if (input.intent === 'approve-case') {
      await decideCase(db, user, initiative, 'approved', input.note)
    } else {
      const today = todayIn(initiative.program_id ? await programTimezone(initiative.program_id) : 'UTC')
      await decideGate(db, user, initiative, {
        gate_id: input.gateId,
        decision: 'approved',
        decision_date: today,
        decision_notes: input.note,
      })
    }
  } catch (error) {
    if (!isDomainError(error)) throw error
    if (error.code === 'accountability.errors.notSponsor') forbidden()
    // The queue words a lost race its own way: what the sponsor clicked no longer waits for them.
    const own = isDomainError(error, 'accountability.errors.ownCase', 'accountability.errors.ownGate')
    const reason = own ? 'sponsor.approvals.ownCase' : 'sponsor.approvals.notPending'
    return refuseSubmission(locale, submission, new DomainError(reason))
  }
  return redirectWithToast('/portfolio/approvals', {
    kind: 'success',
    message:
      input.intent === 'approve-case' ? 'sponsor.approvals.approved' : 'sponsor.approvals.gateApproved',
  })
}

async function programTimezone(programId: string) {
  return (await portfolioProgram(db, programId))?.reporting_timezone ?? 'UTC'
}

export default function ApprovalsPage() {
  const { cases, gates } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const t = useT()
  const fmt = useFormat()
  return (
    <>
      <PageHeader
        title={t('sponsor.approvals.title')}
        subtitle={t('sponsor.approvals.subtitle')}
        actions={
          <span className="badge">
            {t('sponsor.approvals.count', { count: cases.length + gates.length })}
          </span>
        }
      />
      <FormError message={actionData?.formError} />
      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">{t('sponsor.approvals.cases')}</h2>
        {cases.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('sponsor.portfolio.initiative')}</th>
                  <th scope="col">{t('sponsor.approvals.submitted')}</th>
                  <th scope="col">{t('sponsor.approvals.approve')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={`/initiatives/${item.initiative_id}/case`}>{item.initiative_name}</Link>
                      <div className="muted">{t('sponsor.approvals.version', { version: item.version })}</div>
                    </th>
                    <td>{fmt.dateTime(item.submitted_at)}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="approve-case" />
                        <input type="hidden" name="initiativeId" value={item.initiative_id} />
                        <label>
                          {t('sponsor.approvals.note')}
                          <input name="note" maxLength={2000} />
                        </label>
                        <button
                          type="submit"
                          disabled={navigation.state === 'submitting'}
                          aria-label={`${t('sponsor.approvals.approve')}: ${item.initiative_name}`}
                        >
                          {t('sponsor.approvals.approve')}
                        </button>
                        <Link to={`/initiatives/${item.initiative_id}/case`}>
                          {t('sponsor.approvals.open')}
                        </Link>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t('sponsor.approvals.none')}</EmptyState>
        )}
      </section>
      <section aria-labelledby="gates-heading">
        <h2 id="gates-heading">{t('sponsor.approvals.gates')}</h2>
        {gates.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('sponsor.portfolio.initiative')}</th>
                  <th scope="col">{t('initiative.stage')}</th>
                  <th scope="col">{t('sponsor.approvals.requested')}</th>
                  <th scope="col">{t('sponsor.approvals.approve')}</th>
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
                    <td>{fmt.dateTime(gate.requested_at)}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="approve-gate" />
                        <input type="hidden" name="initiativeId" value={gate.initiative_id} />
                        <input type="hidden" name="gateId" value={gate.id} />
                        <label>
                          {t('sponsor.approvals.note')}
                          <input name="note" maxLength={2000} />
                        </label>
                        <button
                          type="submit"
                          disabled={navigation.state === 'submitting'}
                          aria-label={`${t('sponsor.approvals.approve')}: ${gate.initiative_name} ${gate.to_stage}`}
                        >
                          {t('sponsor.approvals.approve')}
                        </button>
                        <Link to={`/initiatives/${gate.initiative_id}/gates`}>
                          {t('sponsor.approvals.open')}
                        </Link>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t('sponsor.approvals.none')}</EmptyState>
        )}
      </section>
    </>
  )
}
