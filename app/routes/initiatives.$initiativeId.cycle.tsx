import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { CycleCard, CurrentPhaseForms } from '~/components/delivery/cycle'
import { EmptyState } from '~/components/page'
import { ProgramDayContext } from '~/components/delivery/effective-date'
import { useT } from '~/i18n/react'
import { programTimezone } from '~/models/foundation/reporting-program.server'
import { todayIn } from '~/utils/calendar'
import { currentOf } from '~/models/delivery/cycle'
import {
  addPause,
  closePhase,
  endPause,
  listCycles,
  logHours,
  startCycle,
} from '~/models/delivery/cycle.server'
import {
  ClosePhaseSchema,
  EndPauseSchema,
  StartCycleSchema,
  LogHoursSchema,
  PauseSchema,
} from '~/models/delivery/delivery.schema'
import {
  programToday,
  requireDeliveryInitiative,
  requireDeliveryManager,
} from '~/models/delivery/guard.server'
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
  const zone = await programTimezone(db, initiative.program_id)
  const today = todayIn(zone)
  const cycles = await listCycles(db, initiative.id, today)
  return { cycles, today, zone, canManage: initiative.canManage }
}

const Intent = z.enum(['start-cycle', 'log-hours', 'pause', 'end-pause', 'close-phase'])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireDeliveryManager(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const parsedIntent = Intent.safeParse(formData.get('intent'))
  invariantResponse(parsedIntent.success, 'Unknown intent')
  const intent = parsedIntent.data
  const today = await programToday(initiative.program_id)
  const back = `/initiatives/${initiative.id}/cycle`
  switch (intent) {
    case 'start-cycle': {
      const submission = parseSubmission(formData, StartCycleSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
      try {
        await startCycle(db, user, initiative, today, submission.value.effective_on)
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent })
      }
      return redirectWithToast(back, { kind: 'success', message: 'delivery.cycle.started' })
    }
    case 'log-hours': {
      return saveOnce(db, { request, user, formData, form: 'hours' }, async () => {
        const submission = parseSubmission(formData, LogHoursSchema, locale)
        if (submission.status !== 'success')
          return refuseSubmission(locale, submission, undefined, { intent })
        try {
          await logHours(db, user, initiative.id, submission.value, today)
        } catch (error) {
          return refuseSubmission(locale, submission, error, { intent })
        }
        return redirectWithToast(back, { kind: 'success', message: 'delivery.hours.logged' })
      })
    }
    case 'pause': {
      return saveOnce(db, { request, user, formData, form: 'pause' }, async () => {
        const submission = parseSubmission(formData, PauseSchema, locale)
        if (submission.status !== 'success')
          return refuseSubmission(locale, submission, undefined, { intent })
        try {
          await addPause(db, user, initiative.id, submission.value)
        } catch (error) {
          return refuseSubmission(locale, submission, error, { intent })
        }
        return redirectWithToast(back, { kind: 'success', message: 'delivery.pause.recorded' })
      })
    }
    case 'end-pause': {
      const submission = parseSubmission(formData, EndPauseSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
      try {
        await endPause(db, user, initiative.id, submission.value)
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent })
      }
      return redirectWithToast(back, { kind: 'success', message: 'delivery.pause.ended' })
    }
    case 'close-phase': {
      const submission = parseSubmission(formData, ClosePhaseSchema, locale)
      if (submission.status !== 'success') return refuseSubmission(locale, submission, undefined, { intent })
      try {
        await closePhase(db, user, initiative, submission.value, today)
      } catch (error) {
        return refuseSubmission(locale, submission, error, { intent })
      }
      return redirectWithToast(back, { kind: 'success', message: 'delivery.close.done' })
    }
  }
}

export default function CyclePage() {
  const { cycles, today, zone, canManage } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const current = currentOf(cycles)
  const [latest, ...earlier] = cycles
  return (
    <div>
      <header className="page-header">
        <div>
          <h2>{t('delivery.cycle.title')}</h2>
          <p className="page-subtitle">{t('delivery.cycle.intro')}</p>
        </div>
        {canManage && !current ? (
          <Form method="post" className="inline-form">
            <label>
              {t('delivery.effective.label')}
              <input type="date" name="effective_on" max={today} aria-describedby="start-cycle-zone" />
            </label>
            <span id="start-cycle-zone" className="field-hint">
              {t('delivery.effective.hint', { zone })}
            </span>
            <button type="submit" name="intent" value="start-cycle">
              {t('delivery.cycle.start')}
            </button>
          </Form>
        ) : null}
      </header>
      {actionData?.intent === 'start-cycle' && actionData.formError ? (
        <p className="form-error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      {latest ? <CycleCard cycle={latest} /> : <EmptyState>{t('delivery.cycle.none')}</EmptyState>}
      {canManage && current ? (
        <ProgramDayContext.Provider value={{ today, zone }}>
          <CurrentPhaseForms phase={current.phase} today={today} actionData={actionData} />
        </ProgramDayContext.Provider>
      ) : null}
      {earlier.length ? (
        <section aria-labelledby="earlier-cycles">
          <h2 id="earlier-cycles">{t('delivery.cycle.history')}</h2>
          {earlier.map((cycle) => (
            <CycleCard key={cycle.id} cycle={cycle} />
          ))}
        </section>
      ) : null}
    </div>
  )
}
