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
import { ListFilters, ListFooter, ListSearch } from '~/components/list-controls'
import { useT } from '~/i18n/react'
import { createBacklogItem, listBacklog, listLinkableFeedback } from '~/models/delivery/backlog.server'
import { addDays } from '~/utils/calendar'
import { BacklogItemSchema, ITEM_TYPES, PlanSprintSchema } from '~/models/delivery/delivery.schema'
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
import { listCsvResponse, type CsvColumn } from '~/utils/list-csv.server'
import { applyListQuery, readListQuery } from '~/utils/list-query'
import { parseSubmission } from '~/utils/forms'
import { invariantResponse } from '~/utils/http.server'
import { refuseSubmission } from '~/utils/refuse.server'
import { redirectWithToast } from '~/utils/toast.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const BACKLOG_STATUSES = ['todo', 'done', 'cancelled'] as const

const LIST = {
  sorts: ['title', 'type', 'points', 'status', 'sprint'],
  defaultSort: 'sprint',
  filters: {
    type: z.enum(ITEM_TYPES).optional().catch(undefined),
    status: z.enum(BACKLOG_STATUSES).optional().catch(undefined),
  },
} as const

type BacklogRow = Awaited<ReturnType<typeof listBacklog>>[number]

const CSV: CsvColumn<BacklogRow>[] = [
  { header: 'delivery.item.title', value: (row) => row.title },
  { header: 'delivery.item.type', value: (row, t) => t(`delivery.item.type.${row.type}`) },
  { header: 'delivery.item.points', value: (row) => row.estimate },
  { header: 'delivery.item.status', value: (row, t) => t(`delivery.item.status.${row.status}`) },
  {
    header: 'delivery.item.sprint',
    value: (row, t) => (row.sprint_number ? t('delivery.sprint.name', { number: row.sprint_number }) : ''),
  },
  { header: 'delivery.item.feedback', value: (row) => row.feedback.map((f) => f.title).join('; ') },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireDeliveryInitiative(user, params.initiativeId)
  const query = readListQuery(request, LIST)
  const [sprints, allBacklog, velocity, feedback, settings, today] = await Promise.all([
    listSprints(db, initiative.id),
    listBacklog(db, initiative.id),
    sprintVelocity(db, initiative.id, 6),
    listLinkableFeedback(db, initiative.id),
    getDeliverySettings(db, initiative.program_id),
    programToday(initiative.program_id),
  ])
  // An initiative's backlog is tens of items: filtered, sorted and paged in memory.
  const list = applyListQuery(
    allBacklog.filter(
      (item) => (!query.type || item.type === query.type) && (!query.status || item.status === query.status),
    ),
    query,
    {
      text: (item) => [item.title, ...item.feedback.map((feedback) => feedback.title)],
      by: {
        title: (item) => item.title,
        type: (item) => ITEM_TYPES.indexOf(item.type),
        points: (item) => item.estimate,
        status: (item) => BACKLOG_STATUSES.indexOf(item.status),
        sprint: (item) => item.sprint_number,
      },
    },
  )
  if (query.csv) return listCsvResponse(request, 'backlog.csv', CSV, list.rows)
  const last = sprints[0]
  return {
    sprints: sprints.map(({ snapshot, ...sprint }) => ({ ...sprint, figures: snapshot?.figures ?? null })),
    backlog: list,
    backlogCount: allBacklog.length,
    query,
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
      <BacklogTable
        initiativeId={data.initiativeId}
        backlog={data.backlog.rows}
        sort={data.query}
        emptyText={data.backlogCount ? t('delivery.backlog.noneMatch') : undefined}
      >
        <ListFilters state={data.query}>
          <ListSearch value={data.query.q} />
          <label>
            {t('delivery.item.type')}
            <select name="type" defaultValue={data.query.type ?? ''}>
              <option value="">{t('common.all')}</option>
              {ITEM_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`delivery.item.type.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('delivery.item.status')}
            <select name="status" defaultValue={data.query.status ?? ''}>
              <option value="">{t('common.all')}</option>
              {BACKLOG_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`delivery.item.status.${status}`)}
                </option>
              ))}
            </select>
          </label>
        </ListFilters>
      </BacklogTable>
      <ListFooter page={data.backlog.page} pages={data.backlog.pages} total={data.backlog.total} />
      {data.canManage ? <NewItemForm feedback={data.feedback} actionData={actionData} /> : null}
    </div>
  )
}
