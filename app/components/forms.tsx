import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod/v4'
import {
  Fragment,
  isValidElement,
  useId,
  useMemo,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'
import type { z } from 'zod'
import { useLocale, useT } from '~/i18n/react'
import { constraintsOf, parseSubmission, type Constraints, type FieldErrors } from '~/utils/forms'

/**
 * conform keeps a form's last answer until it is given another, so a form the action did not answer
 * (this time, or at all) is given this one: no errors, as after the page moved on (another form on it
 * was saved or refused). Unlike a reset, it leaves what was typed alone. One constant: conform applies
 * an answer once, when it changes.
 */
const NOT_ANSWERED: SubmissionResult<string[]> = { error: {} }

/**
 * A form on conform, checked in the browser by the schema its action parses with (parseSubmission),
 * so a field's error shows as the user leaves it, in the user's language. `lastResult` is the action's
 * answer (refuseSubmission's `result`) when it answered this form; a page with several forms gives each
 * only its own (by the intent the answer carries), and each a distinct `id` that no other element of
 * the page has (conform submits through `form="<id>"`). Returned: `constraints` and `errors` for
 * FormFields; `field(name)` for a field component (spread after its own props); `initial(name)`, the
 * value a field starts with (what was posted after a refusal, so a refused form keeps what was typed
 * without JavaScript too, else `defaultValue`); the form's message and its element id (FormError); and
 * `formProps` for the <Form>.
 */
export function useSchemaForm<
  Schema extends z.ZodObject,
  /** The shape the form's fields have, where it is narrower than what the schema accepts. */
  Input extends Record<string, unknown> = z.input<Schema>,
>(
  schema: Schema,
  options: {
    id?: string
    lastResult?: SubmissionResult<string[]> | null
    defaultValue?: Partial<Record<keyof NoInfer<Input>, unknown>>
  } = {},
) {
  const locale = useLocale()
  const t = useT()
  const constraint = useMemo(() => getZodConstraint(schema), [schema])
  const [form, fields] = useForm<Input, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult ?? NOT_ANSWERED,
    defaultValue: options.defaultValue as never,
    constraint,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseSubmission(formData, schema, locale),
  })
  const constraints = useMemo(() => constraintsOf(schema), [schema])
  const formError = form.errors?.length
    ? form.errors.join(' ')
    : form.status === 'error'
      ? t('errors.form')
      : null
  const initial = (name: string): string | string[] | undefined => {
    const value = (fields as Record<string, { initialValue?: unknown } | undefined>)[name]?.initialValue
    if (typeof value === 'string') return value
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : undefined
  }
  const errors = (form.allErrors as FieldErrors | undefined) ?? null
  /** One control's props (name, errors, constraints, and what was posted after a refusal); spread last. */
  const field = (name: string) => {
    const value = initial(name)
    return {
      name,
      errors,
      constraints: constraints[name],
      ...(value !== undefined ? { defaultValue: value } : {}),
    }
  }
  return {
    form,
    fields,
    formProps: getFormProps(form),
    constraints,
    errors,
    initial,
    field,
    formError,
    formErrorId: form.errorId,
  }
}

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

type WithoutForm<Props> = Omit<Props, 'errors' | 'constraints'>
/** One field of a form, as data: which control, then that control's props (name, label, hint, defaultValue…). */
export type FieldSpec =
  | ({ control?: 'input'; options?: never } & WithoutForm<Parameters<typeof TextField>[0]>)
  | ({ control: 'textarea'; options?: never } & WithoutForm<Parameters<typeof TextAreaField>[0]>)
  | ({ control: 'select' } & WithoutForm<Parameters<typeof SelectField>[0]>)

const isFieldSpec = (field: FieldSpec | ReactElement): field is FieldSpec => !isValidElement(field)

/**
 * Renders fields described as data; each gets the schema constraints under its name (constraintsOf)
 * and its errors from the form's field errors. An element in the list (a note, a read-only value)
 * is rendered as it is, in its place.
 */
export function FormFields({
  fields,
  constraints,
  errors,
  initial,
}: {
  fields: (FieldSpec | ReactElement)[]
  constraints?: Record<string, Constraints>
  errors?: FieldErrors | null
  /** useSchemaForm's: after a refusal, a field starts with what was posted rather than its defaultValue. */
  initial?: (name: string) => string | string[] | undefined
}) {
  const rendered = fields.map((field, index) => {
    if (!isFieldSpec(field)) return <Fragment key={index}>{field}</Fragment>
    const form = { constraints: constraints?.[field.name], errors }
    const posted = initial?.(field.name)
    // A field posted twice (a tampered post) shows its first value: these controls hold one.
    const single = Array.isArray(posted) && !('multiple' in field && field.multiple) ? posted[0] : posted
    const value = single !== undefined ? { defaultValue: single } : {}
    switch (field.control) {
      case 'select': {
        const { control: _, ...props } = field
        return <SelectField key={field.name} {...form} {...props} {...value} />
      }
      case 'textarea': {
        const { control: _, ...props } = field
        return <TextAreaField key={field.name} {...form} {...props} {...value} />
      }
      default: {
        const { control: _, ...props } = field
        return <TextField key={field.name} {...form} {...props} {...value} />
      }
    }
  })
  return <>{rendered}</>
}

/** Select options from a list of values, each labelled (usually translated). */
export function optionsOf<Value extends string>(values: readonly Value[], label: (value: Value) => string) {
  return values.map((value) => ({ value, label: label(value) }))
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

/** The form's own message; `id` is the one the form's aria-describedby names (useSchemaForm's formErrorId). */
export function FormError({ message, id }: { message?: string | null; id?: string }) {
  if (!message) return null
  return (
    <div className="form-error" role="alert" id={id}>
      {message}
    </div>
  )
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>
}
