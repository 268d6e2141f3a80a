import { Form, useActionData, useLocation } from '@remix-run/react'
import { useId, useRef, useState, type ReactNode } from 'react'
import { useT } from '~/i18n/react'

// One confirmation for every destructive action. With JavaScript, the button opens a native modal
// <dialog> (the page behind it is inert, focus starts on Cancel, Esc cancels) and only its Confirm
// button submits, with confirm=yes. The server refuses a destructive intent without that field
// (askConfirmation, ~/utils/confirm.server), so without JavaScript the first press answers a
// confirmation step in the page — this same component, expanded — whose form carries confirm=yes.

type Asked = { confirmation?: { fields: Record<string, string> } } | null | undefined

/** The server asked to confirm this form when it echoed all of its hidden fields. */
function askedFor(actionData: Asked, fields: Record<string, string>) {
  const echoed = actionData?.confirmation?.fields
  return Boolean(echoed && Object.entries(fields).every(([name, value]) => echoed[name] === value))
}

type ConfirmButtonProps = {
  /** The hidden fields of the destructive form (intent, the record's id…). */
  fields: Record<string, string>
  /** The button's label ("Remove", "Revoke"…). */
  label: string
  /** The dialog's question, naming what will be removed. */
  title: string
  /** What happens, in a sentence. */
  message?: string
  confirmLabel?: string
  action?: string
  /** Further fields the user fills before confirming (a reason, a date). */
  children?: ReactNode
  className?: string
}

export function ConfirmButton({
  fields,
  label,
  title,
  message,
  confirmLabel,
  action,
  children,
  className = 'button-danger',
}: ConfirmButtonProps) {
  const t = useT()
  const id = useId()
  const location = useLocation()
  const dialog = useRef<HTMLDialogElement>(null)
  const form = useRef<HTMLFormElement>(null)
  const confirm = useRef<HTMLInputElement>(null)
  const asked = askedFor(useActionData<Asked>(), fields)
  const hidden = Object.entries(fields).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ))
  if (asked)
    // No JavaScript: the server asked; this step says what will be removed and confirms it.
    return (
      <Form
        method="post"
        action={action}
        className="confirm-step"
        role="group"
        aria-labelledby={`${id}-title`}
      >
        <p id={`${id}-title`}>
          <strong>{title}</strong>
        </p>
        {message ? <p>{message}</p> : null}
        {hidden}
        {children}
        <input type="hidden" name="confirm" value="yes" />
        <div className="form-actions">
          <a href={location.pathname + location.search} className="button-secondary">
            {t('confirm.cancel')}
          </a>
          <button type="submit" className="button-danger">
            {confirmLabel ?? label}
          </button>
        </div>
      </Form>
    )
  return (
    <Form
      method="post"
      action={action}
      ref={form}
      className="confirm-form"
      onSubmit={(event) => {
        const input = confirm.current
        if (input?.value === 'yes') {
          // Runs after Remix has read the form: the next press asks again.
          queueMicrotask(() => (input.value = ''))
          return
        }
        if (!dialog.current?.showModal) return
        event.preventDefault()
        dialog.current.showModal()
      }}
    >
      {hidden}
      <input ref={confirm} type="hidden" name="confirm" value="" />
      <button type="submit" className={className}>
        {label}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-message`}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {message ? <p id={`${id}-message`}>{message}</p> : null}
        {children}
        <div className="form-actions">
          <button
            type="button"
            className="button-secondary"
            autoFocus
            onClick={() => dialog.current?.close()}
          >
            {t('confirm.cancel')}
          </button>
          <button
            type="button"
            className="button-danger"
            onClick={() => {
              if (!form.current?.reportValidity()) return
              if (confirm.current) confirm.current.value = 'yes'
              dialog.current?.close()
              form.current.requestSubmit()
            }}
          >
            {confirmLabel ?? label}
          </button>
        </div>
      </dialog>
    </Form>
  )
}

type ConfirmSubmitProps = {
  /** The button's own name and value (an intent), when it posts one. */
  name?: string
  value?: string
  label: string
  title: string
  message?: string
  confirmLabel?: string
  className?: string
  /** The id of the form the button submits, when it stands outside it (the button's form attribute). */
  form?: string
  /** The posted fields that say the server asked for this button (its form's intent, its row's id). */
  match: Record<string, string>
  /** Ask only when this holds (a decision select set to "rejected"); always when absent. */
  asks?: (form: HTMLFormElement) => boolean
  /** A sentence naming what the form is about to change (the chosen item), read when the dialog opens. */
  describe?: (form: HTMLFormElement) => string | null
}

/**
 * The submit button of a form with fields of its own (a reason, a decision) whose press can be
 * destructive. With JavaScript, pressing it (or Enter in a field) opens the same native dialog as
 * ConfirmButton once the form's fields are valid; Confirm submits the form through this button with
 * confirm=yes. Without JavaScript the server answers askConfirmation with the form's values (conform
 * keeps them), and this button becomes the confirmation step inside the form.
 */
export function ConfirmSubmit({
  name,
  value,
  label,
  title,
  message,
  confirmLabel,
  className,
  form: formId,
  match,
  asks,
  describe,
}: ConfirmSubmitProps) {
  const t = useT()
  const id = useId()
  const location = useLocation()
  const dialog = useRef<HTMLDialogElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const [detail, setDetail] = useState<string | null>(null)
  const actionData = useActionData<Asked>()
  const asked = askedFor(actionData, match)
  if (asked)
    return (
      <div className="confirm-step" role="group" aria-labelledby={`${id}-title`}>
        <p id={`${id}-title`}>
          <strong>{title}</strong>
        </p>
        {message ? <p>{message}</p> : null}
        <input type="hidden" name="confirm" value="yes" form={formId} />
        <div className="form-actions">
          <a href={location.pathname + location.search} className="button-secondary">
            {t('confirm.cancel')}
          </a>
          <button type="submit" name={name} value={value} form={formId} className="button-danger">
            {confirmLabel ?? label}
          </button>
        </div>
      </div>
    )
  // Another destructive button of the page is asking (no JavaScript): this one waits for that answer.
  const waiting = Boolean(actionData?.confirmation)
  return (
    <>
      <button
        ref={button}
        type="submit"
        name={name}
        value={value}
        form={formId}
        className={className}
        disabled={waiting}
        onClick={(event) => {
          const form = event.currentTarget.form
          if (!form || !dialog.current?.showModal) return
          if (asks && !asks(form)) return
          // An incomplete form is not asked about: conform shows what is missing first.
          if (!form.checkValidity()) return
          event.preventDefault()
          setDetail(describe?.(form) ?? null)
          dialog.current.showModal()
        }}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-message`}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-message`}>
          {detail ? <p>{detail}</p> : null}
          {message ? <p>{message}</p> : null}
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="button-secondary"
            autoFocus
            onClick={() => dialog.current?.close()}
          >
            {t('confirm.cancel')}
          </button>
          <button
            type="button"
            className="button-danger"
            onClick={() => {
              const form = button.current?.form
              dialog.current?.close()
              if (!form || !button.current) return
              // Remix reads the form while the submit event runs: the field is there for this post only.
              const confirm = document.createElement('input')
              Object.assign(confirm, { type: 'hidden', name: 'confirm', value: 'yes' })
              form.append(confirm)
              form.requestSubmit(button.current)
              confirm.remove()
            }}
          >
            {confirmLabel ?? label}
          </button>
        </div>
      </dialog>
    </>
  )
}
