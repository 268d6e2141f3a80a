import type { FieldMetadata, Submission, SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { z } from 'zod'
import type { Locale } from '~/i18n/locales'
import { isMessageKey, translate, type MessageKey } from '~/i18n/translate'

// One zod schema per form, on conform: the browser and the action parse with it (parseSubmission) and the
// form's HTML constraints come from it (constraintsOf). Error messages are catalogue keys, translated for
// the user's locale.

/** The hidden field that carries a form render's idempotency key (see form-submission.server.ts). */
export const FORM_KEY = 'form_key'

export type FieldErrors = Record<string, string[]>
export function issueMessage(locale: Locale, issue: z.core.$ZodIssue): string {
  if (isMessageKey(issue.message)) {
    const { params, minimum, maximum } = issue as {
      params?: Record<string, string | number>
      minimum?: unknown
      maximum?: unknown
    }
    const bounds = {
      ...(minimum !== undefined ? { min: Number(minimum) } : {}),
      ...(maximum !== undefined ? { max: Number(maximum) } : {}),
    }
    return translate(locale, issue.message, { ...bounds, ...params })
  }
  switch (issue.code) {
    case 'invalid_type':
      return translate(
        locale,
        issue.input === undefined || issue.input === '' ? 'errors.required' : 'errors.invalid',
      )
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? translate(locale, 'errors.required')
          : translate(locale, 'errors.tooShort', { min: Number(issue.minimum) })
      return translate(locale, 'errors.tooSmall', { min: Number(issue.minimum) })
    case 'too_big':
      if (issue.origin === 'string')
        return translate(locale, 'errors.tooLong', { max: Number(issue.maximum) })
      return translate(locale, 'errors.tooBig', { max: Number(issue.maximum) })
    case 'invalid_format':
      if (issue.format === 'email') return translate(locale, 'errors.invalidEmail')
      if (issue.format === 'date') return translate(locale, 'errors.invalidDate')
      return translate(locale, 'errors.invalid')
    case 'invalid_value':
      return translate(locale, 'errors.invalidChoice')
    default:
      return translate(locale, 'errors.invalid')
  }
}

export function zodErrors(locale: Locale, error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {}
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '_form'
    ;(fieldErrors[field] ??= []).push(issueMessage(locale, issue))
  }
  return fieldErrors
}

/**
 * A form post as conform reads it (list intents applied), checked against the form's schema; the same
 * call validates in the browser (onValidate) and in the action. Errors are messages in the user's
 * language. Names may carry indexes as conform writes them (benefits[0].name) or dotted
 * (benefits.0.name), as earlier versions of the forms and API clients post them; a value of blanks
 * only counts as empty.
 */
export function parseSubmission<S extends z.ZodType>(formData: FormData, schema: S, locale: Locale) {
  const payload = new FormData()
  for (const [name, value] of formData.entries())
    payload.append(
      name.replace(/\.(\d+)(?=\.|$)/g, '[$1]'),
      typeof value === 'string' && value.trim() === '' ? '' : value,
    )
  return parseWithZod(payload, {
    schema,
    formatError: (issues: z.core.$ZodIssue[]) => issues.map((issue) => issueMessage(locale, issue)),
  })
}

export type FormReply = {
  /** For the form (useForm's lastResult): values, errors, and the list change a button asked for. */
  result: SubmissionResult<string[]>
  /** The same field errors keyed as every form's action answers them (dotted paths: costs.0.year). */
  fieldErrors: FieldErrors | null
  formError: string | null
}

/**
 * The action's answer to a submission that is not saved: a list intent (a row added or removed without
 * JavaScript; nothing is checked yet, so nothing is shown as wrong), invalid input, or a refusal by the
 * model given as `refusal` (form-level and field errors, already translated).
 */
export function replyTo(
  submission: Submission<unknown, string[], unknown>,
  locale: Locale,
  refusal?: { formError?: string; fieldErrors?: FieldErrors },
): FormReply {
  if (submission.status === undefined && !refusal)
    return { result: submission.reply(), fieldErrors: null, formError: null }
  const formError = refusal ? (refusal.formError ?? null) : translate(locale, 'errors.form')
  const result = submission.reply({
    ...(formError ? { formErrors: [formError] } : {}),
    ...(refusal?.fieldErrors ? { fieldErrors: refusal.fieldErrors } : {}),
  })
  const fieldErrors: FieldErrors = {}
  for (const [name, messages] of Object.entries(result.error ?? {}))
    if (name && messages?.length) fieldErrors[name.replace(/\[(\d+)\]/g, '.$1')] = messages
  return { result, fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : null, formError }
}

/** A conform field as the props of the controls in components/forms: name, initial value, errors, constraints. */
export function fieldProps(
  field: Pick<
    FieldMetadata,
    'initialValue' | 'errors' | 'required' | 'minLength' | 'maxLength' | 'min' | 'max'
  > & { name: string },
) {
  const { name, initialValue, errors, required, minLength, maxLength, min, max } = field
  return {
    name,
    defaultValue: typeof initialValue === 'string' ? initialValue : undefined,
    errors: errors?.length ? { [name]: errors } : null,
    constraints: {
      required,
      minLength,
      maxLength,
      min: min === undefined ? undefined : Number(min),
      max: max === undefined ? undefined : Number(max),
    },
  }
}

export type Constraints = {
  required?: boolean
  minLength?: number
  maxLength?: number
  min?: number
  max?: number
  step?: number | 'any'
}

/** HTML constraint attributes for each top-level field, derived from the form's zod schema. */
export function constraintsOf(schema: z.ZodObject): Record<string, Constraints> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>
    required?: string[]
  }
  const result: Record<string, Constraints> = {}
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    const constraint: Constraints = {}
    if (json.required?.includes(name)) constraint.required = true
    if (typeof property.minLength === 'number') constraint.minLength = property.minLength
    if (typeof property.maxLength === 'number') constraint.maxLength = property.maxLength
    if (typeof property.minimum === 'number') constraint.min = property.minimum
    if (typeof property.maximum === 'number') constraint.max = property.maximum
    if (property.type === 'number') constraint.step = 'any'
    if (property.type === 'integer') constraint.step = 1
    result[name] = constraint
  }
  return result
}

/** Reusable field schemas with catalogue messages. */
export const fields = {
  text: (max: number) => z.string().trim().min(1, 'errors.required').max(max),
  optionalText: (max: number) =>
    z
      .string()
      .trim()
      .max(max)
      .optional()
      .transform((value) => value ?? ''),
  email: () => z.string().trim().toLowerCase().max(254).pipe(z.email('errors.invalidEmail')),
  /** A calendar date as YYYY-MM-DD (zod's check knows month lengths and leap years: 2026-02-30 fails). */
  isoDate: () => z.iso.date('errors.invalidDate'),
  optionalIsoDate: () => z.iso.date('errors.invalidDate').optional(),
  /**
   * A number typed into a form: "Enter a number." only when the value is not one (or missing); a value
   * out of range gets errors.tooSmall/tooBig with its bound. Each check carries its own key because in
   * zod 4 a schema-level message alone would stand in for every issue, the range ones included.
   * `int` is true, or the key to show for a non-integer (errors.invalidNumber by default).
   */
  number: ({ min, max, int }: { min?: number; max?: number; int?: boolean | MessageKey } = {}) => {
    let schema = z.coerce.number('errors.invalidNumber')
    if (min !== undefined) schema = schema.min(min, 'errors.tooSmall')
    if (max !== undefined) schema = schema.max(max, 'errors.tooBig')
    if (!int) return schema
    // `when` (an option of every check, left out of int's typed parameters) runs the check only within
    // the range, so a huge value gets one range message, not int's own safe-integer one as well.
    const onlyInRange = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 }
    const error = int === true ? 'errors.invalidNumber' : int
    return schema.int({ error, ...onlyInRange } as z.core.$ZodCheckNumberFormatParams)
  },
  checkbox: () =>
    z
      .enum(['on', 'true', '1'])
      .optional()
      .transform((value) => value !== undefined),
}
