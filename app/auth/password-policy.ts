import type { Submission } from '@conform-to/react'
import { z } from 'zod'

// The password forms' schemas. The browser checks the length as the field is left; the common-password
// list (99 kB gzip) is checked on the server only (password-policy.server.ts), so that the two pages
// with a new password do not download it.

/** 12–128 characters (counted as Unicode code points), any characters. */
export const passwordLengthSchema = z
  .string('errors.required')
  .refine((value) => [...value].length >= 12, 'errors.passwordTooShort')
  .refine((value) => [...value].length <= 128, 'errors.passwordTooLong')

/** The set-password form (a new password twice) around the given rule for the new password. */
export function setPasswordSchemaWith(password: z.ZodType<string>) {
  return z
    .object({ password, confirm: z.string('errors.required') })
    .refine((value) => value.password === value.confirm, {
      message: 'errors.passwordMismatch',
      path: ['confirm'],
      // Compared once both passwords are acceptable, whatever else the form (the change form) is missing.
      when: ({ issues }) => !issues.some(({ path }) => path?.[0] === 'password' || path?.[0] === 'confirm'),
    })
}

/** The change-password form: the current password, then the new one twice. */
export function changePasswordSchemaWith(password: z.ZodType<string>) {
  return setPasswordSchemaWith(password).safeExtend({
    current: z.string('errors.required').min(1, 'errors.required'),
  })
}

/** The browser's checks (the action parses with the server's schemas, which add the common list). */
export const SetPasswordSchema = setPasswordSchemaWith(passwordLengthSchema)
export const ChangePasswordSchema = changePasswordSchemaWith(passwordLengthSchema)

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
