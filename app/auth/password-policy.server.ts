import commonPasswords from 'fxa-common-password-list'
import { changePasswordSchemaWith, passwordLengthSchema, setPasswordSchemaWith } from './password-policy'

/** 12–128 characters (counted as Unicode code points), any characters, not a common password. */
export const newPasswordSchema = passwordLengthSchema.refine(
  (value) => !commonPasswords.test(value) && !commonPasswords.test(value.toLowerCase()),
  'errors.passwordCommon',
)

/** What the actions parse with: the browser's checks and the common-password list. */
export const SetPasswordServerSchema = setPasswordSchemaWith(newPasswordSchema)
export const ChangePasswordServerSchema = changePasswordSchemaWith(newPasswordSchema)
