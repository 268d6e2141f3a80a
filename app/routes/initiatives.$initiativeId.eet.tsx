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
  ReleaseSchema,
} from '~/models/eet/eet.schema'
import {
  addEetMembers,
  addRelease,
  eetRepresentativeness,
  endEetMembership,
  listEetCandidates,
  listEetMembers,
  listReleases,
} from '~/models/eet/eet.server'
import { requireEditableInitiative, requireInitiative } from '~/models/foundation/initiative-guard.server'
import { rosterFacets } from '~/models/eet/roster.server'
import { todayUtc } from '~/utils/calendar'
import { db } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { forbidden, invariantResponse } from '~/utils/http.server'
import { redirectWithToast } from '~/utils/toast.server'
import { refuse } from '~/utils/refuse.server'
import { DomainError } from '~/utils/domain-error'

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
  const intent = formData.get('intent')
  const back = `/initiatives/${initiative.id}/eet`
  try {
    if (intent === 'add') {
      const form = parseForm(EetAddSchema, formData, locale)
      if (!form.ok) return refuse(locale, form, { intent })
      const count = await addEetMembers(db, user, initiative.id, {
        sellerIds: form.data.seller_ids,
        joinedOn: form.data.joined_on,
      })
      return redirectWithToast(back, { kind: 'success', message: 'eet.members.added', vars: { count } })
    }
    if (intent === 'leave') {
      const form = parseForm(EetLeaveSchema, formData, locale)
      if (!form.ok) return refuse(locale, form, { intent })
      await endEetMembership(db, user, initiative.id, {
        memberId: form.data.member_id,
        leftOn: form.data.left_on,
      })
      return redirectWithToast(back, { kind: 'success', message: 'eet.members.ended' })
    }
    if (intent === 'release') {
      const form = parseForm(ReleaseSchema, formData, locale)
      if (!form.ok) return refuse(locale, form, { intent })
      const created = await addRelease(db, user, initiative.id, form.data)
      if (!created)
        return refuse(locale, new DomainError('eet.releases.taken', { field: 'version' }), { intent })
      return redirectWithToast(back, { kind: 'success', message: 'eet.releases.added' })
    }
  } catch (error) {
    return refuse(locale, error, { intent })
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
        formError={actionData?.intent === 'leave' ? actionData.formError : null}
      />
      {loaderData.canManage && loaderData.facets ? (
        <EetCandidatesCard
          candidates={loaderData.candidates}
          facets={loaderData.facets}
          filter={loaderData.filter}
          today={loaderData.today}
          fieldErrors={actionData?.intent === 'add' ? actionData.fieldErrors : null}
          formError={actionData?.intent === 'add' ? actionData.formError : null}
        />
      ) : null}
      <ReleasesCard
        releases={loaderData.releases}
        canManage={loaderData.canManage}
        today={loaderData.today}
        fieldErrors={actionData?.intent === 'release' ? actionData.fieldErrors : null}
      />
    </>
  )
}
