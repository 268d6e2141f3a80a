// Creates an API key and prints it once. Usage: npm run apikey:create -- --name NAME --scopes events:write,metrics:read
import { parseArgs } from 'node:util'
import { cli, UsageError } from './cli'

await cli(async () => {
  const { API_SCOPES } = await import('~/models/foundation/api-key.schema')
  const { values } = parseArgs({ options: { name: { type: 'string' }, scopes: { type: 'string' } } })
  const scopes = (values.scopes ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = scopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope))
  if (!values.name?.trim()) throw new UsageError('Give the key a name: --name NAME')
  if (!scopes.length || unknown.length) {
    throw new UsageError(
      `Give one or more scopes from ${API_SCOPES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
    )
  }
  const { createApiKey } = await import('~/models/foundation/api-key.server')
  const { db, prepareDatabase } = await import('~/utils/db.server')
  await prepareDatabase()
  const key = await createApiKey(
    db,
    { id: null, label: 'cli:apikey-create' },
    { name: values.name.trim(), scopes },
  )
  console.log(`API key "${key.name}" (${key.scopes.join(', ')}) created. It is shown only this once:`)
  console.log(key.secret)
})
