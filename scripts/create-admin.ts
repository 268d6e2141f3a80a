// Creates an administrator and prints a one-time set-password link (non-interactive, scriptable).
// Usage: npm run user:create-admin -- --email ADDRESS [--name NAME]
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { createUser, EmailTakenError } from '~/models/user.server'
import { closeDatabase, db, prepareDatabase } from '~/utils/db.server'
import { env } from '~/utils/env.server'

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } })
const email = z.email().safeParse(values.email?.trim().toLowerCase())

try {
  if (!email.success) throw new Error('Give a valid address: npm run user:create-admin -- --email ADDRESS')
  await prepareDatabase()
  const { token } = await createUser(
    db,
    { id: null, label: 'cli:create-admin' },
    { email: email.data, name: values.name ?? email.data.split('@')[0]!, role: 'admin' },
  )
  const origin = env().APP_ORIGIN ?? `http://localhost:${env().PORT}`
  console.log(`Administrator ${email.data} created. Set the password within 72 hours at:`)
  console.log(`${origin.replace(/\/$/, '')}/set-password/${token}`)
} catch (error) {
  console.error(
    error instanceof EmailTakenError
      ? `A user with the address ${error.message} already exists.`
      : error instanceof Error
        ? error.message
        : error,
  )
  process.exitCode = 1
} finally {
  await closeDatabase()
}
