import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useFormKey } from '~/components/form-key'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { SpannerBackgroundForm, TeamMemberForm } from '~/components/accountability/team-forms'
import { FormError } from '~/components/forms'
import { Badge, EmptyState } from '~/components/page'
import { useT } from '~/i18n/react'
import { requireEditableInitiative, requireInitiative } from '~/models/foundation/initiative-guard.server'
import { RemoveMemberSchema, SpannerSchema, TeamMemberSchema } from '~/models/accountability/team.schema'
import {
  addTeamMember,
  coverageOf,
  getSpannerBackground,
  listTeam,
  removeTeamMember,
  setSpannerBackground,
} from '~/models/accountability/team.server'
import styles from '~/styles/accountability.css?url'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { ConfirmButton } from '~/components/confirm-dialog'
import { parseSubmission } from '~/utils/forms'
import { invariantResponse } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const [team, background] = await Promise.all([
    listTeam(db, initiative.id),
    getSpannerBackground(db, initiative.id),
  ])
  return {
    team,
    background,
    leadName: initiative.lead_name,
    coverage: coverageOf(team.map((m) => m.function)),
    canEdit: initiative.can_edit,
  }
}

const IntentSchema = z.object({ intent: z.enum(['add', 'remove', 'background']) })

// Three forms post here; each answer carries its intent, so only the form that was sent shows errors.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireEditableInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const intent = IntentSchema.safeParse({ intent: formData.get('intent') })
  invariantResponse(intent.success, 'Unknown intent')
  const back = `/initiatives/${initiative.id}/team`
  if (intent.data.intent === 'remove') {
    const submission = parseSubmission(formData, RemoveMemberSchema, locale)
    if (submission.status !== 'success')
      return refuseSubmission(locale, submission, undefined, { intent: 'remove' })
    if (!isConfirmed(formData)) return askConfirmation(formData)
    const removed = await removeTeamMember(db, user, initiative.id, submission.value.member_id)
    invariantResponse(removed, 'Not found', { status: 404 })
    return redirectWithToast(back, {
      kind: 'success',
      message: 'accountability.toast.memberRemoved',
      undo: {
        action: back,
        fields: {
          intent: 'add',
          person_name: removed.person_name,
          ...(removed.person_email ? { person_email: removed.person_email } : {}),
          function: removed.function,
          allocation: String(removed.allocation),
        },
      },
    })
  }
  if (intent.data.intent === 'background') {
    const submission = parseSubmission(formData, SpannerSchema, locale)
    if (submission.status !== 'success')
      return refuseSubmission(locale, submission, undefined, { intent: 'background' })
    await setSpannerBackground(db, user, initiative.id, submission.value.spanner_background)
    return redirectWithToast(back, { kind: 'success', message: 'toast.saved' })
  }
  return saveOnce(db, { request, user, formData, form: 'team-member' }, async () => {
    const submission = parseSubmission(formData, TeamMemberSchema, locale)
    if (submission.status !== 'success')
      return refuseSubmission(locale, submission, undefined, { intent: 'add' })
    await addTeamMember(db, user, initiative.id, submission.value)
    return redirectWithToast(back, { kind: 'success', message: 'accountability.toast.memberAdded' })
  })
}

export default function TeamPage() {
  const { team, background, leadName, coverage, canEdit } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const formKey = useFormKey()
  const t = useT()
  const answerTo = (intent: 'add' | 'remove' | 'background') =>
    actionData?.intent === intent ? actionData : null
  // A remove button has no field of its own: a refused one says what was wrong with the member it named.
  const removal = answerTo('remove')
  return (
    <div className="two-column">
      <section className="card" aria-labelledby="team-title">
        <h2 id="team-title">{t('accountability.team')}</h2>
        <FormError
          message={removal ? (removal.fieldErrors?.member_id?.join(' ') ?? removal.formError) : null}
        />
        {team.length === 0 ? (
          <EmptyState>{t('accountability.noTeam')}</EmptyState>
        ) : (
          <div className="table-wrap" role="region" aria-label={t('accountability.team')} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('accountability.team')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accountability.person')}</th>
                  <th scope="col">{t('accountability.function')}</th>
                  <th scope="col" className="num">
                    {t('accountability.allocation')}
                  </th>
                  <th scope="col" className="num">
                    {t('accountability.totalAllocation')}
                  </th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('accountability.remove')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {team.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">
                      {member.person_name}
                      {member.person_email ? <span className="muted"> · {member.person_email}</span> : null}
                    </th>
                    <td>{t(`accountability.function.${member.function}`)}</td>
                    <td className="num">{member.allocation}%</td>
                    <td className="num">
                      {member.total_allocation}%{' '}
                      {member.total_allocation > 100 ? (
                        <Badge tone="bad">{t('accountability.overAllocated')}</Badge>
                      ) : null}
                    </td>
                    {canEdit ? (
                      <td>
                        <ConfirmButton
                          fields={{ intent: 'remove', member_id: member.id }}
                          className="button-secondary"
                          label={t('accountability.removePerson', { name: member.person_name })}
                          title={t('accountability.removeConfirm', { name: member.person_name })}
                          message={t('accountability.removeConfirmBody', {
                            function: t(`accountability.function.${member.function}`),
                            allocation: member.allocation,
                          })}
                          confirmLabel={t('confirm.remove')}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit ? <TeamMemberForm key={formKey} lastResult={answerTo('add')?.result} /> : null}
      </section>
      <aside>
        <section className="card" aria-labelledby="coverage-title">
          <h2 id="coverage-title">{t('accountability.coverage')}</h2>
          <dl className="facts">
            {coverage.map((group) => (
              <div key={group.group} className="display-contents">
                <dt>{t(`accountability.group.${group.group}`)}</dt>
                <dd>
                  {group.covered.map((f) => (
                    <span key={f}>
                      <Badge tone="good">{t(`accountability.function.${f}`)}</Badge>{' '}
                    </span>
                  ))}
                  {group.missing.map((f) => (
                    <span key={f}>
                      <Badge tone="warn">
                        {t('accountability.missing')}: {t(`accountability.function.${f}`)}
                      </Badge>{' '}
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card" aria-labelledby="spanner-title">
          <h2 id="spanner-title">{t('accountability.boundarySpanner')}</h2>
          <p>
            {leadName ?? t('common.unassigned')} ·{' '}
            {background
              ? t(`accountability.background.${background}`)
              : t('accountability.backgroundUnknown')}
          </p>
          {canEdit ? (
            <SpannerBackgroundForm background={background} lastResult={answerTo('background')?.result} />
          ) : null}
        </section>
      </aside>
    </div>
  )
}
