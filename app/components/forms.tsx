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

function useFieldIds(name: string) {
  const id = useId()
  return { inputId: `${id}-${name}`, errorId: `${id}-${name}-error`, hintId: `${id}-${name}-hint` }
}

function Describe({
  errors,
  errorId,
  hint,
  hintId,
}: {
  errors?: string[]
  errorId: string
  hint?: string
  hintId: string
}) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="field-error" id={errorId}>
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  )
}

function describedBy(
  errors: string[] | undefined,
  hint: string | undefined,
  ids: { errorId: string; hintId: string },
) {
  return (
    [hint ? ids.hintId : null, errors?.length ? ids.errorId : null].filter(Boolean).join(' ') || undefined
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
  const ids = useFieldIds(name)
  const fieldErrors = errors?.[name]
  return (
    <div className="field">
      <label htmlFor={ids.inputId}>{label}</label>
      <input
        id={ids.inputId}
        name={name}
        {...constraints}
        {...input}
        aria-invalid={fieldErrors?.length ? true : undefined}
        aria-describedby={describedBy(fieldErrors, hint, ids)}
      />
      <Describe errors={fieldErrors} hint={hint} {...ids} />
    </div>
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
  const ids = useFieldIds(name)
  const fieldErrors = errors?.[name]
  const { min: _min, max: _max, step: _step, ...textConstraints } = constraints ?? {}
  return (
    <div className="field">
      <label htmlFor={ids.inputId}>{label}</label>
      <textarea
        id={ids.inputId}
        name={name}
        rows={4}
        {...textConstraints}
        {...input}
        aria-invalid={fieldErrors?.length ? true : undefined}
        aria-describedby={describedBy(fieldErrors, hint, ids)}
      />
      <Describe errors={fieldErrors} hint={hint} {...ids} />
    </div>
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
  const ids = useFieldIds(name)
  const fieldErrors = errors?.[name]
  return (
    <div className="field">
      <label htmlFor={ids.inputId}>{label}</label>
      <select
        id={ids.inputId}
        name={name}
        required={constraints?.required}
        {...select}
        aria-invalid={fieldErrors?.length ? true : undefined}
        aria-describedby={describedBy(fieldErrors, hint, ids)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Describe errors={fieldErrors} hint={hint} {...ids} />
    </div>
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
