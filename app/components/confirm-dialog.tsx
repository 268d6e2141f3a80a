import { Form, useActionData, useLocation } from '@remix-run/react'
import { useId, useRef, type ReactNode } from 'react'
import { useT } from '~/i18n/react'

// One confirmation for every destructive action. With JavaScript, the button opens a native modal
// <dialog> (the page behind it is inert, focus starts on Cancel, Esc cancels) and only its Confirm
// button submits, with confirm=yes. The server refuses a destructive intent without that field
// (askConfirmation, ~/utils/confirm.server), so without JavaScript the first press answers a
// confirmation step in the page — this same component, expanded — whose form carries confirm=yes.

type Asked = { confirmation?: { fields: Record<string, string> } } | undefined

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
