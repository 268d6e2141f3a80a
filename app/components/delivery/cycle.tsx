import { FormActions, optionsOf, SelectField, TextAreaField, TextField } from '~/components/forms'
import { useFormat, useT } from '~/i18n/react'
import type { CycleView, PhaseView } from '~/models/delivery/cycle'
import {
  ClosePhaseSchema,
  DECISIONS,
  EndPauseSchema,
  LogHoursSchema,
  PauseSchema,
} from '~/models/delivery/delivery.schema'
import { PHASES } from '~/models/delivery/phase-time'
import { EffectiveDateField } from './effective-date'
import { IntentForm, type IntentReply } from './intent-form'
import { LevelBadge, PhaseClock, usedText } from './phase-clock'

export function CycleCard({ cycle }: { cycle: CycleView }) {
  const t = useT()
  const format = useFormat()
  return (
    <section className="card" aria-labelledby={`cycle-${cycle.id}`}>
      <h3 id={`cycle-${cycle.id}`}>
        {t('delivery.cycle.number', { number: cycle.number })}
        {cycle.closed_on ? (
          <span className="muted">
            {' '}
            · {t('delivery.cycle.closedOn', { date: format.date(cycle.closed_on) })}
          </span>
        ) : null}
      </h3>
      <div className="phase-grid">
        {PHASES.map((name) => {
          const phase = cycle.phases.find((p) => p.phase === name)
          return phase ? (
            <PhaseCard key={name} phase={phase} />
          ) : (
            <div className="phase-card" key={name}>
              <h4>{t(`delivery.phase.${name}`)}</h4>
              <p className="muted">{t('delivery.phase.notStarted')}</p>
            </div>
          )
        })}
      </div>
    </section>
  )
}

function PhaseCard({ phase }: { phase: PhaseView }) {
  const t = useT()
  const format = useFormat()
  const { clock } = phase
  return (
    <div className="phase-card" data-current={phase.closed_on === null}>
      <h4>{t(`delivery.phase.${phase.phase}`)}</h4>
      <div className="clock-row">
        <PhaseClock clock={clock} />
        <div>
          <p>
            <strong>{usedText(t, format, clock)}</strong>
          </p>
          <LevelBadge clock={clock} closed={phase.closed_on !== null} />
        </div>
      </div>
      <dl className="facts">
        <dt>{t('delivery.remaining')}</dt>
        <dd>{format.number(clock.remaining, { maximumFractionDigits: 2 })}</dd>
        <dt>{t('delivery.phase.startedOn')}</dt>
        <dd>{format.date(phase.started_on)}</dd>
        {phase.closed_on ? (
          <>
            <dt>{t('delivery.phase.closedOn')}</dt>
            <dd>{format.date(phase.closed_on)}</dd>
          </>
        ) : null}
        {clock.pausedDays ? (
          <>
            <dt>{t('delivery.phase.pausedDays')}</dt>
            <dd>{clock.pausedDays}</dd>
          </>
        ) : null}
        {phase.outcome ? (
          <>
            <dt>{t(`delivery.outcome.${phase.phase}`)}</dt>
            <dd>{phase.outcome}</dd>
          </>
        ) : null}
        {phase.decision ? (
          <>
            <dt>{t('delivery.phase.decision')}</dt>
            <dd>{t(`delivery.decision.${phase.decision}`)}</dd>
          </>
        ) : null}
      </dl>
      {phase.pauses.length ? (
        <>
          <h5>{t('delivery.pause.list')}</h5>
          <ul className="plain-list">
            {phase.pauses.map((pause) => (
              <li key={pause.id}>
                {format.date(pause.from_date)} –{' '}
                {pause.to_date ? format.date(pause.to_date) : t('delivery.pause.ongoing')}: {pause.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {phase.entries.length ? (
        <>
          <h5>{t('delivery.hours.list')}</h5>
          <ul className="plain-list">
            {phase.entries.map((entry) => (
              <li key={entry.id}>
                {format.date(entry.worked_on)} · {format.number(entry.hours)} h
                {entry.note ? ` · ${entry.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}

/** The forms of the running phase: log hours (framing) or pauses (design, pilot), and closing it. */
export function CurrentPhaseForms({
  phase,
  today,
  actionData,
}: {
  phase: PhaseView
  today: string
  actionData: IntentReply
}) {
  const t = useT()
  const openPause = phase.pauses.find((pause) => pause.to_date === null)
  return (
    <div className="two-column">
      {phase.phase === 'frame' ? (
        <IntentForm
          intent="log-hours"
          title={t('delivery.hours.title')}
          schema={LogHoursSchema}
          defaultValue={{ worked_on: today }}
          actionData={actionData}
        >
          {({ field }) => (
            <>
              <div className="field-row">
                <TextField
                  label={t('delivery.hours.workedOn')}
                  type="date"
                  min={phase.started_on}
                  max={today}
                  {...field('worked_on')}
                />
                <TextField label={t('delivery.hours.hours')} type="number" step="0.25" {...field('hours')} />
              </div>
              <TextField label={t('delivery.hours.note')} {...field('note')} />
              <FormActions>
                <button type="submit">{t('delivery.hours.log')}</button>
              </FormActions>
            </>
          )}
        </IntentForm>
      ) : openPause ? (
        <IntentForm
          intent="end-pause"
          title={t('delivery.pause.end')}
          schema={EndPauseSchema}
          defaultValue={{ to_date: today }}
          actionData={actionData}
        >
          {({ field }) => (
            <>
              <p>{openPause.reason}</p>
              <input type="hidden" name="pause_id" value={openPause.id} />
              <TextField label={t('delivery.pause.to')} type="date" {...field('to_date')} />
              <FormActions>
                <button type="submit">{t('delivery.pause.end')}</button>
              </FormActions>
            </>
          )}
        </IntentForm>
      ) : (
        <IntentForm
          intent="pause"
          title={t('delivery.pause.title')}
          schema={PauseSchema}
          defaultValue={{ from_date: today }}
          actionData={actionData}
        >
          {({ field }) => (
            <>
              <p className="field-hint">{t('delivery.pause.hint')}</p>
              <div className="field-row">
                <TextField label={t('delivery.pause.from')} type="date" {...field('from_date')} />
                <TextField label={t('delivery.pause.to')} type="date" {...field('to_date')} />
              </div>
              <TextField label={t('delivery.pause.reason')} {...field('reason')} />
              <FormActions>
                <button type="submit">{t('delivery.pause.record')}</button>
              </FormActions>
            </>
          )}
        </IntentForm>
      )}
      <IntentForm
        intent="close-phase"
        title={t('delivery.close.title')}
        schema={ClosePhaseSchema}
        actionData={actionData}
      >
        {({ field }) => (
          <>
            <TextAreaField label={t(`delivery.outcome.${phase.phase}`)} {...field('outcome')} />
            <EffectiveDateField field={field} />
            {phase.phase === 'pilot' ? (
              <SelectField
                label={t('delivery.phase.decision')}
                placeholder=""
                options={optionsOf(DECISIONS, (decision) => t(`delivery.decision.${decision}`))}
                {...field('decision')}
              />
            ) : null}
            <FormActions>
              <button type="submit">{t('delivery.close.submit')}</button>
            </FormActions>
          </>
        )}
      </IntentForm>
    </div>
  )
}
