// Creates an administrator and prints a one-time set-password link (non-interactive, scriptable).
// Usage: npm run user:create-admin -- --email ADDRESS [--name NAME]
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { cli, UsageError } from './cli'

await cli(async () => {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } })
  const email = z.email().safeParse(values.email?.trim().toLowerCase())
  if (!email.success)
    throw new UsageError('Give a valid address: npm run user:create-admin -- --email ADDRESS')
  const { createUser } = await import('~/models/foundation/user.server')
  const { isDomainError } = await import('~/utils/domain-error')
  const { db, prepareDatabase } = await import('~/utils/db.server')
  const { env } = await import('~/utils/env.server')
  await prepareDatabase()
  try {
    const { token } = await createUser(
      db,
      { id: null, label: 'cli:create-admin' },
      { email: email.data, name: values.name ?? email.data.split('@')[0]!, role: 'admin' },
    )
    const origin = env().APP_ORIGIN ?? `http://localhost:${env().PORT}`
    console.log(`Administrator ${email.data} created. Set the password within 72 hours at:`)
    console.log(`${origin.replace(/\/$/, '')}/set-password/${token}`)
  } catch (error) {
    if (isDomainError(error, 'users.emailTaken'))
      throw new UsageError(`A user with the address ${email.data} already exists.`)
    throw error
  }
})
