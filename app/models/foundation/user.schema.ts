import { z } from 'zod'
import { ROLES } from '~/auth/permissions'
import { fields } from '~/utils/forms'

// Least privilege: a new user is a viewer unless chosen otherwise, and administrator rights are given
// only with the confirm_admin box ticked (on the server too: updateUser refuses a change to admin
// without it; creation is refused by this schema).

export const CreateUserSchema = z
  .object({
    email: fields.email(),
    name: fields.text(120),
    role: z.enum(ROLES, 'errors.invalidChoice').default('viewer'),
    confirm_admin: fields.checkbox(),
  })
  .refine((input) => input.role !== 'admin' || input.confirm_admin, {
    path: ['confirm_admin'],
    message: 'users.confirmAdmin',
  })

export const UpdateUserSchema = z.object({
  intent: z.literal('update'),
  name: fields.text(120),
  role: z.enum(ROLES, 'errors.invalidChoice'),
  confirm_admin: fields.checkbox(),
})
