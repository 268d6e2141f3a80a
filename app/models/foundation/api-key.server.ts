import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Database, Executor } from '~/utils/db.server'
import type { ApiScope } from './api-key.schema'
import { audit, type Actor } from './audit.server'

// API keys: `tf_<prefix>_<secret>`. The prefix finds the row; only a SHA-256 of the whole key is stored
// (the key is 256 random bits, so a fast hash is enough). The key is shown once, at creation.

const KEY_PATTERN = /^tf_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/

function digest(key: string) {
  return createHash('sha256').update(key).digest()
}

export async function createApiKey(
  db: Database,
  actor: Actor,
  input: { name: string; scopes: readonly string[] },
) {
  const prefix = randomBytes(6).toString('hex')
  const secret = `tf_${prefix}_${randomBytes(32).toString('base64url')}`
  return db.transaction().execute(async (trx) => {
    const key = await trx
      .insertInto('api_keys')
      .values({
        name: input.name,
        prefix,
        secret_hash: digest(secret).toString('hex'),
        scopes: [...input.scopes],
        created_by: actor.id,
      })
      .returning(['id', 'name', 'prefix', 'scopes'])
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor,
      action: 'api-key.create',
      entityType: 'api_key',
      entityId: key.id,
      after: { name: key.name, prefix, scopes: key.scopes },
    })
    return { ...key, secret }
  })
}

export function listApiKeys(db: Executor) {
  return db
    .selectFrom('api_keys')
    .leftJoin('users', 'users.id', 'api_keys.created_by')
    .select([
      'api_keys.id',
      'api_keys.name',
      'api_keys.prefix',
      'api_keys.scopes',
      'api_keys.created_at',
      'api_keys.last_used_at',
      'api_keys.revoked_at',
      'users.name as created_by_name',
    ])
    .orderBy('api_keys.revoked_at', (ob) => ob.desc().nullsFirst())
    .orderBy('api_keys.created_at', 'desc')
    .execute()
}

export async function revokeApiKey(db: Database, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('api_keys')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return false
    await audit(trx, { actor, action: 'api-key.revoke', entityType: 'api_key', entityId: id })
    return true
  })
}

export type ApiKeyPrincipal = {
  id: string
  name: string
  prefix: string
  scopes: string[]
  createdBy: string | null
}

/** The key's row if the presented key is valid and not revoked. Constant-time comparison of digests. */
export async function verifyApiKey(db: Executor, presented: string): Promise<ApiKeyPrincipal | null> {
  const match = KEY_PATTERN.exec(presented)
  if (!match) return null
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'prefix', 'scopes', 'secret_hash', 'created_by', 'last_used_at'])
    .where('prefix', '=', match[1]!)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  const expected = Buffer.from(row.secret_hash, 'hex')
  if (!timingSafeEqual(expected, digest(presented))) return null
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', row.id).execute()
  }
  return { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, createdBy: row.created_by }
}

export function hasScope(principal: ApiKeyPrincipal, scope: ApiScope) {
  return principal.scopes.includes(scope)
}

/** The audit actor for changes made through a key. */
export function apiActor(principal: ApiKeyPrincipal): Actor {
  return { id: principal.createdBy, label: `api-key:${principal.prefix} (${principal.name})` }
}
