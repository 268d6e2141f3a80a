import { FormActions, SelectField, TextField } from '~/components/forms'
import { ConfirmSubmit } from '~/components/confirm-dialog'
import { useT } from '~/i18n/react'
import {
  CloseSprintSchema,
  ItemSchema,
  PlanChangeSchema,
  ScopeChangeSchema,
} from '~/models/delivery/delivery.schema'
import { EffectiveDateField } from './effective-date'
import { IntentForm, type IntentFormFields, type IntentReply } from './intent-form'
import type { SprintItem } from './sprint'

// The forms of a sprint's page: its plan while it is planned, its scope changes and closing while it runs.

type Option = { id: string; title: string; estimate?: number }

/** Why the plan changes, and the EET feedback it answers (when there is any): both plan forms ask this. */
function PlanChangeFields({
  feedbackOptions,
  form: { field },
}: {
  feedbackOptions: { value: string; label: string }[]
  form: IntentFormFields
}) {
  const t = useT()
  return (
    <>
      <TextField label={t('delivery.plan.reason')} {...field('reason')} />
      {feedbackOptions.length ? (
        <SelectField
          label={t('delivery.plan.feedback')}
          placeholder={t('delivery.plan.noFeedback')}
          options={feedbackOptions}
          {...field('feedback_id')}
        />
      ) : null}
    </>
  )
}

/** Backlog items to choose from, each with its points. */
const itemOptions = (items: Option[]) =>
  items.map((item) => ({ value: item.id, label: `${item.title} (${item.estimate ?? 0})` }))

export function PlanForms({
  available,
  planned,
  feedback,
  actionData,
}: {
  available: Option[]
  planned: SprintItem[]
  feedback: Option[]
  actionData: IntentReply
}) {
  const t = useT()
  const feedbackOptions = feedback.map((f) => ({ value: f.id, label: f.title }))
  return (
    <div className="two-column">
      <IntentForm
        intent="plan-add"
        title={t('delivery.plan.addTitle')}
        schema={PlanChangeSchema}
        actionData={actionData}
      >
        {(form) => (
          <>
            <SelectField
              label={t('delivery.plan.item')}
              options={itemOptions(available)}
              {...form.field('item_id')}
            />
            <PlanChangeFields feedbackOptions={feedbackOptions} form={form} />
            <FormActions>
              <button type="submit">{t('delivery.plan.add')}</button>
            </FormActions>
          </>
        )}
      </IntentForm>
      {planned.length ? (
        <IntentForm
          intent="plan-remove"
          title={t('delivery.plan.removeTitle')}
          schema={PlanChangeSchema}
          actionData={actionData}
        >
          {(form) => (
            <>
              <SelectField
                label={t('delivery.plan.plannedItem')}
                options={planned.map((item) => ({ value: item.id, label: item.title }))}
                {...form.field('item_id')}
              />
              <PlanChangeFields feedbackOptions={feedbackOptions} form={form} />
              <FormActions>
                <button type="submit" className="button-secondary">
                  {t('delivery.plan.remove')}
                </button>
              </FormActions>
            </>
          )}
        </IntentForm>
      ) : null}
    </div>
  )
}

/** A change to the running sprint: the item and why (required), as a select and a text field. */
function ScopeChangeFields({
  label,
  options,
  form: { field },
}: {
  label: string
  options: { value: string; label: string }[]
  form: IntentFormFields
}) {
  const t = useT()
  return (
    <>
      <p className="field-hint">{t('delivery.running.reasonRequired')}</p>
      <SelectField label={label} options={options} {...field('item_id')} />
      <TextField label={t('delivery.scope.reason')} {...field('reason')} />
      <EffectiveDateField field={field} />
    </>
  )
}

/** The item a scope change is about, named in its confirmation. */
function chosenItem(t: ReturnType<typeof useT>, form: HTMLFormElement) {
  const select = form.elements.namedItem('item_id') as HTMLSelectElement | null
  const title = select?.selectedOptions[0]?.textContent
  return title ? t('delivery.running.chosen', { title }) : null
}

export function RunningForms({
  available,
  items,
  actionData,
}: {
  available: Option[]
  items: SprintItem[]
  actionData: IntentReply
}) {
  const t = useT()
  const live = items.filter((item) => !item.done_on && !item.removed_on && !item.cancelled_on)
  return (
    <div className="two-column">
      <IntentForm
        intent="scope-add"
        title={t('delivery.running.addTitle')}
        schema={ScopeChangeSchema}
        actionData={actionData}
      >
        {(form) => (
          <>
            <ScopeChangeFields label={t('delivery.plan.item')} options={itemOptions(available)} form={form} />
            <FormActions>
              <button type="submit">{t('delivery.running.add')}</button>
            </FormActions>
          </>
        )}
      </IntentForm>
      {live.length ? (
        <IntentForm
          intent="scope-change"
          buttons={['scope-remove', 'scope-cancel']}
          title={t('delivery.running.changeTitle')}
          schema={ScopeChangeSchema}
          actionData={actionData}
        >
          {(form) => (
            <>
              <ScopeChangeFields
                label={t('delivery.plan.plannedItem')}
                options={live.map((item) => ({ value: item.id, label: item.title }))}
                form={form}
              />
              <FormActions>
                <ConfirmSubmit
                  name="intent"
                  value="scope-remove"
                  className="button-secondary"
                  label={t('delivery.running.remove')}
                  title={t('delivery.running.removeConfirm')}
                  message={t('delivery.running.removeConfirmBody')}
                  confirmLabel={t('confirm.remove')}
                  match={{ intent: 'scope-remove' }}
                  describe={(form) => chosenItem(t, form)}
                />
                <ConfirmSubmit
                  name="intent"
                  value="scope-cancel"
                  className="button-danger"
                  label={t('delivery.running.cancel')}
                  title={t('delivery.running.cancelConfirm')}
                  message={t('delivery.running.cancelConfirmBody')}
                  confirmLabel={t('delivery.running.cancel')}
                  match={{ intent: 'scope-cancel' }}
                  describe={(form) => chosenItem(t, form)}
                />
              </FormActions>
            </>
          )}
        </IntentForm>
      ) : null}
      {live.length ? (
        <IntentForm
          intent="done"
          title={t('delivery.running.doneTitle')}
          schema={ItemSchema}
          actionData={actionData}
        >
          {({ field }) => (
            <>
              <SelectField
                label={t('delivery.plan.plannedItem')}
                options={live.map((item) => ({ value: item.id, label: item.title }))}
                {...field('item_id')}
              />
              <EffectiveDateField field={field} />
              <FormActions>
                <button type="submit">{t('delivery.items.done')}</button>
              </FormActions>
            </>
          )}
        </IntentForm>
      ) : null}
    </div>
  )
}

export function CloseSprintForm({ actionData }: { actionData: IntentReply }) {
  const t = useT()
  return (
    <IntentForm
      intent="close"
      title={t('delivery.closeSprint.title')}
      schema={CloseSprintSchema}
      actionData={actionData}
    >
      {({ field }) => (
        <>
          <SelectField
            label={t('delivery.closeSprint.carryTo')}
            options={[
              { value: 'next', label: t('delivery.closeSprint.next') },
              { value: 'backlog', label: t('delivery.closeSprint.backlog') },
            ]}
            {...field('carry_to')}
          />
          <EffectiveDateField field={field} />
          <FormActions>
            <button type="submit">{t('delivery.closeSprint.submit')}</button>
          </FormActions>
        </>
      )}
    </IntentForm>
  )
}
