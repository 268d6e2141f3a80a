import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import {
  BacklogTable,
  NewItemForm,
  PlanSprintForm,
  SprintTable,
  VelocityCard,
} from '~/components/delivery/sprints'
import { useT } from '~/i18n/react'
import { createBacklogItem, listBacklog, listLinkableFeedback } from '~/models/delivery/backlog.server'
import { addDays } from '~/utils/calendar'
import { BacklogItemSchema, PlanSprintSchema } from '~/models/delivery/delivery.schema'
import {
  programToday,
  requireDeliveryInitiative,
  requireDeliveryManager,
} from '~/models/delivery/guard.server'
import { getDeliverySettings } from '~/models/delivery/settings.server'
import { listSprints, planSprint, sprintVelocity } from '~/models/delivery/sprint.server'
import styles from '~/styles/delivery.css?url'
import { saveOnce } from '~/models/foundation/form-submission.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { invariantResponse } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireDeliveryInitiative(user, params.initiativeId)
  const [sprints, backlog, velocity, feedback, settings, today] = await Promise.all([
    listSprints(db, initiative.id),
    listBacklog(db, initiative.id),
    sprintVelocity(db, initiative.id, 6),
    listLinkableFeedback(db, initiative.id),
    getDeliverySettings(db, initiative.program_id),
    programToday(initiative.program_id),
  ])
  const last = sprints[0]
  return {
    sprints: sprints.map(({ snapshot, ...sprint }) => ({ ...sprint, figures: snapshot?.figures ?? null })),
    backlog,
    velocity,
    feedback,
    sprintLength: settings.sprint_length_days,
    nextStart: last && last.end_date >= today ? addDays(last.end_date, 1) : today,
    planning: sprints.some((sprint) => sprint.status === 'planning'),
    canManage: initiative.canManage,
    initiativeId: initiative.id,
  }
}

const Intent = z.enum(['add-item', 'plan-sprint'])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireDeliveryManager(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const parsedIntent = Intent.safeParse(formData.get('intent'))
  invariantResponse(parsedIntent.success, 'Unknown intent')
  const intent = parsedIntent.data
  if (intent === 'add-item') {
    return saveOnce(db, { request, user, formData, form: 'backlog-item' }, async () => {
      const submission = parseSubmission(formData, BacklogItemSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
      try {
        await createBacklogItem(db, user, initiative.id, submission.value)
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent })
      }
      return redirectWithToast(`/initiatives/${initiative.id}/sprints`, {
        kind: 'success',
        message: 'delivery.backlog.added',
      })
    })
  }
  return saveOnce(db, { request, user, formData, form: 'sprint' }, async () => {
    const submission = parseSubmission(formData, PlanSprintSchema, locale)
    if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
    try {
      const sprint = await planSprint(db, user, initiative, submission.value)
      return redirectWithToast(`/initiatives/${initiative.id}/sprints/${sprint.id}`, {
        kind: 'success',
        message: 'delivery.sprint.planned',
      })
    } catch (error) {
      return refuseSubmission(locale, submission, error, { intent })
    }
  })
}

export default function SprintsPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <div>
      <h2>{t('delivery.sprints.title')}</h2>
      <VelocityCard velocity={data.velocity} />
      <SprintTable sprints={data.sprints} />
      {data.canManage && !data.planning ? (
        <PlanSprintForm nextStart={data.nextStart} sprintLength={data.sprintLength} actionData={actionData} />
      ) : null}
      <BacklogTable initiativeId={data.initiativeId} backlog={data.backlog} />
      {data.canManage ? <NewItemForm feedback={data.feedback} actionData={actionData} /> : null}
    </div>
  )
}
