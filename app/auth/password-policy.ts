import type { Submission } from '@conform-to/react'
import commonPasswords from 'fxa-common-password-list'
import { z } from 'zod'

/** 12–128 characters (counted as Unicode code points), any characters, not a common password. */
export const newPasswordSchema = z
  .string('errors.required')
  .refine((value) => [...value].length >= 12, 'errors.passwordTooShort')
  .refine((value) => [...value].length <= 128, 'errors.passwordTooLong')
  .refine(
    (value) => !commonPasswords.test(value) && !commonPasswords.test(value.toLowerCase()),
    'errors.passwordCommon',
  )

export const SetPasswordSchema = z
  .object({ password: newPasswordSchema, confirm: z.string('errors.required') })
  .refine((value) => value.password === value.confirm, {
    message: 'errors.passwordMismatch',
    path: ['confirm'],
    // Compared once both passwords are acceptable, whatever else the form (the change form) is missing.
    when: ({ issues }) => !issues.some(({ path }) => path?.[0] === 'password' || path?.[0] === 'confirm'),
  })

/** The change-password form: the current password, then the new one twice. */
export const ChangePasswordSchema = SetPasswordSchema.safeExtend({
  current: z.string('errors.required').min(1, 'errors.required'),
})

const PASSWORD_FIELDS = ['current', 'password', 'confirm']

/**
 * The submission, answering its refusal without the passwords that were typed (conform's hideFields):
 * a refused sign-in or password form sends back the other values only, so no password travels back to
 * the page or sits in its HTML.
 */
export function withoutPasswords<S extends Submission<unknown, string[], unknown>>(submission: S): S {
  return {
    ...submission,
    // A reset answer (resetForm) carries no values anyway: it comes before hideFields in conform.
    reply: (options = {}) => submission.reply({ ...options, hideFields: PASSWORD_FIELDS }),
  }
}
