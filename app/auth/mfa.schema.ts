import { z } from 'zod'

/** A code from the authenticator app (6 digits) or a recovery code (xxxxx-xxxxx). */
export const SecondFactorSchema = z.object({
  code: z.string('errors.required').trim().min(6, 'errors.required').max(20, 'mfa.codeWrong'),
  redirectTo: z.string().max(2000).optional(),
})

/** Enrolment is confirmed only by a code from the app (recovery codes do not exist yet). */
export const EnrolCodeSchema = z.object({
  code: z
    .string('errors.required')
    .trim()
    .regex(/^\d{6}$/, 'mfa.codeFormat'),
  redirectTo: z.string().max(2000).optional(),
})

/** Re-authentication: the password, or a code when the user has MFA. */
export const ReauthSchema = z
  .object({
    password: z.string().max(1024).optional(),
    code: z.string().trim().max(20).optional(),
    redirectTo: z.string().max(2000).optional(),
  })
  .refine((value) => Boolean(value.password || value.code), {
    message: 'mfa.reauthNeedsOne',
    path: ['password'],
  })
