import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { SprintStatusBadge } from '~/components/delivery/sprints'
import { BurndownCard, PlanChanges, SprintFiguresGrid, SprintItems } from '~/components/delivery/sprint'
import { CloseSprintForm, PlanForms, RunningForms } from '~/components/delivery/sprint-forms'
import { ProgramDayContext } from '~/components/delivery/effective-date'
import { useFormat, useT } from '~/i18n/react'
import { programTimezone } from '~/models/foundation/reporting-program.server'
import { todayIn } from '~/utils/calendar'
import { listBacklog, listLinkableFeedback } from '~/models/delivery/backlog.server'
import {
  CloseSprintSchema,
  IntentOnlySchema,
  ItemSchema,
  PlanChangeSchema,
  ScopeChangeSchema,
} from '~/models/delivery/delivery.schema'
import {
  programToday,
  requireDeliveryInitiative,
  requireDeliveryManager,
} from '~/models/delivery/guard.server'
import {
  addToPlan,
  changeRunningSprint,
  closeSprint,
  getSprint,
  listPlanChanges,
  listSprintItems,
  removeFromPlan,
  restoreSprintItem,
  sprintReport,
  startSprint,
} from '~/models/delivery/sprint.server'
import styles from '~/styles/delivery.css?url'
import { db } from '~/utils/db.server'
import { askConfirmation, isConfirmed } from '~/utils/confirm.server'
import { parseSubmission } from '~/utils/forms'
import { invariantResponse, notFound } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

async function requireSprint(initiativeId: string, sprintId: string | undefined) {
  const sprint = z.uuid().safeParse(sprintId).success ? await getSprint(db, initiativeId, sprintId!) : null
  if (!sprint) notFound()
  return sprint
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireDeliveryInitiative(user, params.initiativeId)
  const sprint = await requireSprint(initiative.id, params.sprintId)
  const [items, changes, backlog, feedback, zone] = await Promise.all([
    listSprintItems(db, sprint.id),
    listPlanChanges(db, sprint.id),
    listBacklog(db, initiative.id),
    listLinkableFeedback(db, initiative.id),
    programTimezone(db, initiative.program_id),
  ])
  const today = todayIn(zone)
  const { snapshot, ...header } = sprint
  return {
    sprint: header,
    report: sprintReport(sprint, items, today),
    items,
    changes,
    available: backlog.filter((item) => item.status === 'todo' && !item.sprint_id),
    feedback,
    canManage: initiative.canManage && sprint.status !== 'closed',
    frozen: snapshot !== null,
    initiativeId: initiative.id,
    today,
    zone,
  }
}

const Intent = z.enum([
  'plan-add',
  'plan-remove',
  'start',
  'scope-add',
  'scope-remove',
  'scope-cancel',
  'scope-restore',
  'done',
  'close',
])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireDeliveryManager(user, params.initiativeId)
  const sprint = await requireSprint(initiative.id, params.sprintId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const parsedIntent = Intent.safeParse(formData.get('intent'))
  invariantResponse(parsedIntent.success, 'Unknown intent')
  const intent = parsedIntent.data
  const today = await programToday(initiative.program_id)
  const back = `/initiatives/${initiative.id}/sprints/${sprint.id}`
  switch (intent) {
    case 'plan-add':
    case 'plan-remove': {
      const submission = parseSubmission(formData, PlanChangeSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
      const change = intent === 'plan-add' ? addToPlan : removeFromPlan
      try {
        await change(db, user, initiative.id, sprint.id, submission.value)
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent })
      }
      return redirectWithToast(back, {
        kind: 'success',
        message: intent === 'plan-add' ? 'delivery.plan.added' : 'delivery.plan.removed',
      })
    }
    case 'start': {
      const submission = parseSubmission(formData, IntentOnlySchema, locale)
      try {
        await startSprint(db, user, initiative.id, sprint.id)
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent })
      }
      return redirectWithToast(back, { kind: 'success', message: 'delivery.plan.started' })
    }
    case 'scope-add':
    case 'scope-remove':
    case 'scope-cancel': {
      const submission = parseSubmission(formData, ScopeChangeSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
      // Taking work out of a running sprint changes its committed scope: it runs once confirmed.
      if (intent !== 'scope-add' && !isConfirmed(formData)) return askConfirmation(formData, submission)
      const kind = intent === 'scope-add' ? 'add' : intent === 'scope-remove' ? 'remove' : 'cancel'
      try {
        await changeRunningSprint(db, user, initiative.id, sprint.id, kind, submission.value, today)
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent })
      }
      return redirectWithToast(back, {
        kind: 'success',
        message: 'delivery.running.changed',
        ...(kind === 'add'
          ? {}
          : {
              undo: { action: back, fields: { intent: 'scope-restore', item_id: submission.value.item_id } },
            }),
      })
    }
    case 'scope-restore': {
      // The toast's undo of a removal or a cancellation.
      const submission = parseSubmission(formData, ItemSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
      try {
        await restoreSprintItem(db, user, initiative.id, sprint.id, submission.value.item_id, today)
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent })
      }
      return redirectWithToast(back, { kind: 'success', message: 'delivery.running.restored' })
    }
    case 'done': {
      const submission = parseSubmission(formData, ItemSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
      try {
        await changeRunningSprint(db, user, initiative.id, sprint.id, 'done', submission.value, today)
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent })
      }
      return redirectWithToast(back, { kind: 'success', message: 'delivery.running.doneToast' })
    }
    case 'close': {
      const submission = parseSubmission(formData, CloseSprintSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
      try {
        const carryTo = submission.value.carry_to
        const { next } = await closeSprint(
          db,
          user,
          initiative,
          sprint.id,
          carryTo,
          today,
          submission.value.effective_on,
        )
        return redirectWithToast(next ? `/initiatives/${initiative.id}/sprints/${next.id}` : back, {
          kind: 'success',
          message: 'delivery.closeSprint.done',
        })
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent })
      }
    }
  }
}

export default function SprintPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  const { sprint } = data
  // The start button and an item's "done" button have no fields of their own: a refusal shows here.
  const buttonError =
    actionData?.intent === 'start' ||
    actionData?.intent === 'scope-restore' ||
    (actionData?.intent === 'done' && !actionData.fieldErrors?.effective_on)
      ? (actionData.fieldErrors?.item_id?.join(' ') ?? actionData.formError)
      : null
  return (
    <div>
      <p className="breadcrumb">
        <Link to=".." relative="path">
          {t('delivery.sprint.back')}
        </Link>
      </p>
      <header className="page-header">
        <div>
          <h2>
            {t('delivery.sprint.name', { number: sprint.number })}{' '}
            <SprintStatusBadge status={sprint.status} />
          </h2>
          <p className="page-subtitle">
            {format.date(sprint.start_date)} – {format.date(sprint.end_date)}
            {sprint.goal ? ` · ${sprint.goal}` : ''}
          </p>
        </div>
        {data.canManage && sprint.status === 'planning' ? (
          <Form method="post">
            <button type="submit" name="intent" value="start" title={t('delivery.plan.startHint')}>
              {t('delivery.plan.start')}
            </button>
          </Form>
        ) : null}
      </header>
      {buttonError ? (
        <p className="form-error" role="alert">
          {buttonError}
        </p>
      ) : null}
      {data.frozen && sprint.closed_at ? (
        <p className="muted">{t('delivery.figure.frozen', { date: format.date(sprint.closed_at) })}</p>
      ) : null}
      <SprintFiguresGrid
        figures={data.report.figures}
        status={sprint.status}
        carriedTo={data.report.carriedTo}
      />
      {sprint.status !== 'planning' ? <BurndownCard burndown={data.report.burndown} /> : null}
      <SprintItems items={data.items} status={sprint.status} canManage={data.canManage} />
      <PlanChanges initiativeId={data.initiativeId} changes={data.changes} />
      {data.canManage && sprint.status === 'planning' ? (
        <PlanForms
          available={data.available}
          planned={data.items}
          feedback={data.feedback}
          actionData={actionData}
        />
      ) : null}
      {data.canManage && sprint.status === 'active' ? (
        <ProgramDayContext.Provider value={{ today: data.today, zone: data.zone }}>
          <RunningForms available={data.available} items={data.items} actionData={actionData} />
          <CloseSprintForm actionData={actionData} />
        </ProgramDayContext.Provider>
      ) : null}
    </div>
  )
}
