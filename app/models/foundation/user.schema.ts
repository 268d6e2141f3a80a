import { z } from 'zod'
import { ROLES } from '~/auth/permissions'
import { fields } from '~/utils/forms'

export const CreateUserSchema = z.object({
  email: fields.email(),
  name: fields.text(120),
  role: z.enum(ROLES, 'errors.invalidChoice'),
})

export const UpdateUserSchema = z.object({
  intent: z.literal('update'),
  name: fields.text(120),
  role: z.enum(ROLES, 'errors.invalidChoice'),
})
