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
  })
