import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { can } from '~/auth/permissions'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { EetMembersCard, EetCandidatesCard, ReleasesCard } from '~/components/eet/eet-cards'
import { RepresentativenessPanel } from '~/components/eet/representativeness-panel'
import { SectionHeader } from '~/components/eet/feedback-bits'
import { useT } from '~/i18n/react'
import {
  EetAddSchema,
  EetCandidateFilterSchema,
  EetLeaveSchema,
  EetReinstateSchema,
  ReleaseSchema,
} from '~/models/eet/eet.schema'
import {
  addEetMembers,
  addRelease,
  eetRepresentativeness,
  endEetMembership,
  reinstateEetMembership,
  listEetCandidates,
  listEetMembers,
  listReleases,
} from '~/models/eet/eet.server'
import { requireEditableInitiative, requireInitiative } from '~/models/foundation/initiative-guard.server'
import { rosterFacets } from '~/models/eet/roster.server'
import { todayUtc } from '~/utils/calendar'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { db } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { parseSubmission } from '~/utils/forms'
import { forbidden, invariantResponse } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

export const meta: MetaFunction = () => [{ title: 'Early experience team · Tenfold' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  const canManage = can(user.role, 'eet:manage') && initiative.can_edit
  const filter = EetCandidateFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [members, representativeness, releases, candidates, facets] = await Promise.all([
    listEetMembers(db, initiative.id, { includePast: true }),
    eetRepresentativeness(db, initiative.id),
    listReleases(db, initiative.id),
    canManage ? listEetCandidates(db, initiative.id, filter) : [],
    canManage ? rosterFacets(db) : null,
  ])
  return { members, representativeness, releases, candidates, facets, filter, canManage, today: todayUtc() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (!can(user.role, 'eet:manage')) forbidden()
  const initiative = await requireEditableInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const back = `/initiatives/${initiative.id}/eet`
  const intent = formData.get('intent')
  if (intent === 'add') {
    const extra = { intent } as const
    const submission = parseSubmission(formData, EetAddSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, extra)
    try {
      const count = await addEetMembers(db, user, initiative.id, {
        sellerIds: submission.value.seller_ids,
        joinedOn: submission.value.joined_on,
      })
      return redirectWithToast(back, { kind: 'success', message: 'eet.members.added', vars: { count } })
    } catch (error) {
      return refuseSubmission(locale, submission, error, extra)
    }
  }
  if (intent === 'leave') {
    const extra = { intent } as const
    const submission = parseSubmission(formData, EetLeaveSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, extra)
    if (!isConfirmed(formData)) return askConfirmation(formData)
    try {
      await endEetMembership(db, user, initiative.id, {
        memberId: submission.value.member_id,
        leftOn: submission.value.left_on,
      })
      return redirectWithToast(back, {
        kind: 'success',
        message: 'eet.members.ended',
        undo: { action: back, fields: { intent: 'reinstate', member_id: submission.value.member_id } },
      })
    } catch (error) {
      return refuseSubmission(locale, submission, error, extra)
    }
  }
  if (intent === 'reinstate') {
    const extra = { intent } as const
    const submission = parseSubmission(formData, EetReinstateSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, extra)
    try {
      await reinstateEetMembership(db, user, initiative.id, submission.value.member_id)
      return redirectWithToast(back, { kind: 'success', message: 'eet.members.reinstated' })
    } catch (error) {
      return refuseSubmission(locale, submission, error, extra)
    }
  }
  if (intent === 'release') {
    const extra = { intent } as const
    const submission = parseSubmission(formData, ReleaseSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, extra)
    try {
      if (!(await addRelease(db, user, initiative.id, submission.value)))
        throw new DomainError('eet.releases.taken', { field: 'version' })
      return redirectWithToast(back, { kind: 'success', message: 'eet.releases.added' })
    } catch (error) {
      return refuseSubmission(locale, submission, error, extra)
    }
  }
  invariantResponse(false, 'Unknown intent')
}

export default function EetPage() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <>
      <SectionHeader title={t('eet.members.title')} subtitle={t('eet.members.subtitle')} />
      <RepresentativenessPanel report={loaderData.representativeness} />
      <EetMembersCard
        members={loaderData.members}
        canManage={loaderData.canManage}
        today={loaderData.today}
        leaveResult={actionData?.intent === 'leave' ? actionData.result : null}
      />
      {loaderData.canManage && loaderData.facets ? (
        <EetCandidatesCard
          candidates={loaderData.candidates}
          facets={loaderData.facets}
          filter={loaderData.filter}
          today={loaderData.today}
          lastResult={actionData?.intent === 'add' ? actionData.result : null}
        />
      ) : null}
      <ReleasesCard
        releases={loaderData.releases}
        canManage={loaderData.canManage}
        today={loaderData.today}
        lastResult={actionData?.intent === 'release' ? actionData.result : null}
      />
    </>
  )
}
