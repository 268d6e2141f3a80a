// Creates an API key and prints it once. Usage: npm run apikey:create -- --name NAME --scopes events:write,metrics:read
import { parseArgs } from 'node:util'
import { API_SCOPES } from '~/models/api-key.schema'
import { createApiKey } from '~/models/api-key.server'
import { closeDatabase, db, prepareDatabase } from '~/utils/db.server'

const { values } = parseArgs({ options: { name: { type: 'string' }, scopes: { type: 'string' } } })
const scopes = (values.scopes ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const unknown = scopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope))

try {
  if (!values.name?.trim()) throw new Error('Give the key a name: --name NAME')
  if (!scopes.length || unknown.length) {
    throw new Error(
      `Give one or more scopes from ${API_SCOPES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
    )
  }
  await prepareDatabase()
  const key = await createApiKey(
    db,
    { id: null, label: 'cli:apikey-create' },
    { name: values.name.trim(), scopes },
  )
  console.log(`API key "${key.name}" (${key.scopes.join(', ')}) created. It is shown only this once:`)
  console.log(key.secret)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await closeDatabase()
}
