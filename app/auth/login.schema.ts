import { z } from 'zod'

export const LoginSchema = z.object({
  email: z.string('errors.required').trim().min(1, 'errors.required').max(254),
  password: z.string('errors.required').min(1, 'errors.required').max(1024),
  redirectTo: z.string().optional(),
})
