import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import type { Constraints, FieldErrors } from '~/utils/forms'

type Common = {
  label: string
  name: string
  errors?: FieldErrors | null
  hint?: string
  constraints?: Constraints
}
type ControlProps = { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string }

/** Label, hint and error around one control, wired together for assistive technology. */
function FieldShell({
  label,
  name,
  errors,
  hint,
  children,
}: Omit<Common, 'constraints'> & { children: (control: ControlProps) => ReactNode }) {
  const id = `${useId()}-${name}`
  const fieldErrors = errors?.[name]
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy =
    [hint ? hintId : null, fieldErrors?.length ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        'aria-invalid': fieldErrors?.length ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {fieldErrors?.length ? (
        <p className="field-error" id={errorId}>
          {fieldErrors.join(' ')}
        </p>
      ) : null}
    </div>
  )
}

export function TextField({
  label,
  name,
  errors,
  hint,
  constraints,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint}>
      {(control) => <input {...constraints} {...input} {...control} />}
    </FieldShell>
  )
}

export function TextAreaField({
  label,
  name,
  errors,
  hint,
  constraints,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { required, minLength, maxLength } = constraints ?? {}
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint}>
      {(control) => (
        <textarea
          rows={4}
          required={required}
          minLength={minLength}
          maxLength={maxLength}
          {...input}
          {...control}
        />
      )}
    </FieldShell>
  )
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  constraints,
  options,
  placeholder,
  ...select
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: { value: string; label: string }[]
    placeholder?: string
  }) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint}>
      {(control) => (
        <select required={constraints?.required} {...select} {...control}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

/** New password and its repetition, with the policy as a hint (set-password link and change-password page). */
export function NewPasswordFields({
  labels,
  errors,
}: {
  labels: { password: string; confirm: string; rules: string }
  errors?: FieldErrors | null
}) {
  return (
    <>
      <TextField
        label={labels.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={128}
        hint={labels.rules}
        errors={errors}
      />
      <TextField
        label={labels.confirm}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={errors}
      />
    </>
  )
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  )
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>
}
