import { linkNewUserToRoster, rosterRowByEmail } from '~/models/eet/roster-link.server'
import { audit, type Actor } from '~/models/foundation/audit.server'
import type { Database } from '~/utils/db.server'
import type { Role } from '~/utils/db.types'
import { mappedRole, type RoleMapping } from '~/utils/oidc-env'

// Who a provider's account is in Tenfold. The provider's issuer + subject is the identity (an email can
// be reassigned; a subject is not). The first time an identity signs in it is tied to the user with its
// email, or a user is created (just in time) with the role its groups map to, else viewer. The role is
// read only then: later changes are an admin's, on the user page. A disabled user is refused and
// nothing is written.

export type SsoClaims = { iss: string; sub: string; [claim: string]: unknown }

export type SsoUser = { id: string; email: string; role: Role }

export type ResolvedSsoUser =
  | { ok: true; user: SsoUser; created: boolean }
  | { ok: false; reason: 'email' | 'disabled'; detail: string; userId?: string }

const SSO_ACTOR_LABEL = 'single sign-on'

/** A claim by name, or by a dotted path into nested claims (Keycloak's `realm_access.roles`). */
function claimAt(claims: SsoClaims, path: string): unknown {
  if (path in claims) return claims[path]
  return path.split('.').reduce<unknown>((value, key) => {
    if (value && typeof value === 'object' && key in value) return (value as Record<string, unknown>)[key]
    return undefined
  }, claims)
}

function emailOf(claims: SsoClaims) {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : ''
  return /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 254 ? email : null
}

function nameOf(claims: SsoClaims, fallback: string) {
  const name = typeof claims.name === 'string' ? claims.name.trim() : ''
  return (name || fallback).slice(0, 200)
}

export async function resolveSsoUser(
  db: Database,
  claims: SsoClaims,
  settings: { roleClaim?: string; roleMap: readonly RoleMapping[] },
): Promise<ResolvedSsoUser> {
  return db.transaction().execute(async (trx) => {
    const identity = await trx
      .selectFrom('user_identities as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['u.id', 'u.email', 'u.role', 'u.disabled_at'])
      .where('i.issuer', '=', claims.iss)
      .where('i.subject', '=', claims.sub)
      .executeTakeFirst()
    if (identity) {
      if (identity.disabled_at)
        return { ok: false, reason: 'disabled', detail: 'account disabled', userId: identity.id }
      await trx
        .updateTable('user_identities')
        .set({ last_sign_in_at: new Date() })
        .where('issuer', '=', claims.iss)
        .where('subject', '=', claims.sub)
        .execute()
      await auditSignIn(trx, identity)
      return { ok: true, user: identity, created: false }
    }

    const email = emailOf(claims)
    if (!email) return { ok: false, reason: 'email', detail: 'no email claim' }
    // An email the provider says it has not verified could be anyone's: it neither finds nor names a user.
    if (claims.email_verified === false) return { ok: false, reason: 'email', detail: 'email not verified' }

    const existing = await trx
      .selectFrom('users')
      .select(['id', 'email', 'role', 'disabled_at'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .forUpdate()
      .executeTakeFirst()
    if (existing?.disabled_at)
      return { ok: false, reason: 'disabled', detail: 'account disabled', userId: existing.id }

    if (existing) {
      // The email's user already signs in as another account of this provider: the email was passed on.
      const other = await trx
        .selectFrom('user_identities')
        .select('subject')
        .where('user_id', '=', existing.id)
        .where('issuer', '=', claims.iss)
        .executeTakeFirst()
      if (other)
        return { ok: false, reason: 'email', detail: 'email held by another identity', userId: existing.id }
    }

    let user: SsoUser
    const actor: Actor = existing
      ? { id: existing.id, label: existing.email }
      : { id: null, label: SSO_ACTOR_LABEL }
    if (existing) user = existing
    else {
      const role =
        (settings.roleClaim && mappedRole(settings.roleMap, claimAt(claims, settings.roleClaim))) || 'viewer'
      const rosterRow = await rosterRowByEmail(trx, email)
      user = await trx
        .insertInto('users')
        .values({
          email,
          name: nameOf(claims, rosterRow?.name ?? email.split('@')[0]!),
          role,
          password_hash: null,
        })
        .returning(['id', 'email', 'role'])
        .executeTakeFirstOrThrow()
      await audit(trx, {
        actor,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, role: user.role, via: 'single sign-on' },
      })
      await linkNewUserToRoster(trx, actor, user)
    }
    await trx
      .insertInto('user_identities')
      .values({ issuer: claims.iss, subject: claims.sub, user_id: user.id })
      .execute()
    await audit(trx, {
      actor: existing ? actor : { id: user.id, label: user.email },
      action: 'user.identity.link',
      entityType: 'user',
      entityId: user.id,
      after: { issuer: claims.iss, subject: claims.sub },
    })
    await auditSignIn(trx, user)
    return { ok: true, user, created: !existing }
  })
}

function auditSignIn(trx: Parameters<typeof audit>[0], user: { id: string; email: string }) {
  return audit(trx, {
    actor: { id: user.id, label: user.email },
    action: 'auth.sign-in',
    entityType: 'user',
    entityId: user.id,
    after: { via: 'single sign-on' },
  })
}
