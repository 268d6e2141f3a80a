import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { createPendingSessionCookie, validateSession } from '~/auth/lucia.server'
import { purgeAuthRecords } from '~/auth/purge.server'
import { getUser } from '~/auth/session.server'
import { action as sessionsAction, loader as sessionsLoader } from '~/routes/account.sessions'
import { db } from '~/utils/db.server'
import { createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

const MIN = 60_000
const idOf = (cookie: string) => cookie.split('=')[1]!
// Independent of the adapter: Node's own SHA-256 of the id, as hex.
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
const createdAt = async (id: string) =>
  (
    await db
      .selectFrom('user_sessions')
      .select('created_at')
      .where('id_hash', '=', sha256(id))
      .executeTakeFirstOrThrow()
  ).created_at.getTime()
const rowsOf = (userId: string) =>
  db.selectFrom('user_sessions').selectAll().where('user_id', '=', userId).execute()

describe('session storage and expiry policy', () => {
  test('the database holds only the SHA-256 of a session id, and the cookie still signs in', async () => {
    const user = await createUser()
    const cookie = await sessionCookieFor(user.id)
    const id = idOf(cookie)
    const { rows } = await sql<{ row: string }>`select to_jsonb(s)::text as row from user_sessions s`.execute(
      db,
    )
    expect(rows.length).toBeGreaterThan(0)
    for (const { row } of rows) expect(row).not.toContain(id)
    expect((await rowsOf(user.id)).map((row) => row.id_hash)).toEqual([sha256(id)])
    expect((await getUser(buildRequest('/', { cookie })))?.id).toBe(user.id)
    // The digest itself is not a credential.
    expect(await getUser(buildRequest('/', { cookie: `tenfold_session=${sha256(id)}` }))).toBeNull()
  })

  test('30 minutes idle ends a session; each use moves the idle deadline (the given clock decides, not lucia’s)', async () => {
    const user = await createUser()
    const id = idOf(await sessionCookieFor(user.id))
    const t0 = await createdAt(id)
    expect(await validateSession(id, new Date(t0 + 29 * MIN))).not.toBeNull()
    // The use at 29 min moved the deadline to 59 min: 58 min is fine, 59 min + 1 s is not.
    expect((await validateSession(id, new Date(t0 + 58 * MIN)))?.session.expiresAt.getTime()).toBe(
      t0 + 88 * MIN,
    )
    expect(await validateSession(id, new Date(t0 + 88 * MIN + 1000))).toBeNull()
    expect(await rowsOf(user.id)).toEqual([])

    const other = idOf(await sessionCookieFor(user.id))
    const t1 = await createdAt(other)
    // Real time has hardly moved, yet 31 minutes on the policy's clock end the session.
    expect(await validateSession(other, new Date(t1 + 31 * MIN))).toBeNull()
  })

  test('12 hours after sign-in a session ends however active it was; expires_at never passes that', async () => {
    const user = await createUser()
    const id = idOf(await sessionCookieFor(user.id))
    const t0 = await createdAt(id)
    const absolute = t0 + 12 * 60 * MIN
    for (let t = 20 * MIN; t < 12 * 60 * MIN; t += 20 * MIN) {
      const result = await validateSession(id, new Date(t0 + t))
      expect(result, `use at ${t / MIN} min`).not.toBeNull()
      expect(result!.session.expiresAt.getTime()).toBe(Math.min(t0 + t + 30 * MIN, absolute))
    }
    const [row] = await rowsOf(user.id)
    expect(row!.expires_at.getTime()).toBe(absolute)
    expect(await validateSession(id, new Date(absolute))).toBeNull()
  })

  test('a sign-in waiting for its second factor signs no one in, and lasts 5 minutes', async () => {
    const user = await createUser()
    const { cookie } = await createPendingSessionCookie(
      buildRequest('/'),
      user.id,
      { ip: null, userAgent: null },
      'mfa',
    )
    const pair = cookie.split(';')[0]!
    expect(await getUser(buildRequest('/', { cookie: pair }))).toBeNull()
    const [row] = await rowsOf(user.id)
    expect(row!.expires_at.getTime() - row!.created_at.getTime()).toBe(5 * MIN)
  })
})

describe('your sessions page', () => {
  test('lists your sessions with this one marked; ends another (confirmed) and all others, never this one', async () => {
    const user = await createUser()
    const stranger = await createUser()
    const strangerCookie = await sessionCookieFor(stranger.id)
    const cookie = await sessionCookieFor(user.id)
    const second = await sessionCookieFor(user.id)
    await sessionCookieFor(user.id)
    const page = (await run(sessionsLoader, buildRequest('/account/sessions', { cookie }))) as {
      sessions: { handle: string; current: boolean; user_agent: string | null; ip: string | null }[]
    }
    expect(page.sessions).toHaveLength(3)
    expect(page.sessions[0]).toMatchObject({
      current: true,
      handle: sha256(idOf(cookie)),
      user_agent: 'vitest',
      ip: '127.0.0.1',
    })
    expect(page.sessions.filter((session) => session.current)).toHaveLength(1)

    const post = (form: Record<string, string>) =>
      run(sessionsAction, buildRequest('/account/sessions', { cookie, form }))
    // Without confirm=yes nothing ends (the page asks first).
    const asked = (await post({ intent: 'end', session: sha256(idOf(second)) })) as {
      data: { confirmation: unknown }
    }
    expect(asked.data.confirmation).toBeTruthy()
    expect(await rowsOf(user.id)).toHaveLength(3)
    expect(statusOf(await post({ intent: 'end', session: sha256(idOf(second)), confirm: 'yes' }))).toBe(302)
    expect(await getUser(buildRequest('/', { cookie: second }))).toBeNull()
    // This session is ended by signing out; another user's session is not yours to end.
    expect(statusOf(await post({ intent: 'end', session: sha256(idOf(cookie)), confirm: 'yes' }))).toBe(409)
    expect(
      statusOf(await post({ intent: 'end', session: sha256(idOf(strangerCookie)), confirm: 'yes' })),
    ).toBe(409)
    expect(await getUser(buildRequest('/', { cookie: strangerCookie }))).not.toBeNull()

    expect(statusOf(await post({ intent: 'end-others', confirm: 'yes' }))).toBe(302)
    expect((await rowsOf(user.id)).map((row) => row.id_hash)).toEqual([sha256(idOf(cookie))])
    const audits = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', user.id)
      .orderBy('id')
      .execute()
    expect(audits.map((row) => row.action)).toEqual(['session.end', 'session.end-others'])
  })
})

describe('purge', () => {
  test('removes ended sessions, finished throttle windows, used or expired links and stale enrolments; keeps the rest', async () => {
    const user = await createUser()
    const now = new Date()
    const ago = (ms: number) => new Date(now.getTime() - ms)
    const live = idOf(await sessionCookieFor(user.id))
    const idle = idOf(await sessionCookieFor(user.id))
    await db
      .updateTable('user_sessions')
      .set({ expires_at: ago(1000) })
      .where('id_hash', '=', sha256(idle))
      .execute()
    await db
      .insertInto('auth_throttle')
      .values([
        { key: 'account:old@example.test', window_start: ago(16 * MIN), failures: 3 },
        { key: 'account:new@example.test', window_start: ago(MIN), failures: 3 },
      ])
      .execute()
    await db
      .insertInto('password_tokens')
      .values([
        {
          token_hash: 'used',
          user_id: user.id,
          expires_at: new Date(now.getTime() + 60 * MIN),
          used_at: ago(MIN),
        },
        { token_hash: 'expired', user_id: user.id, expires_at: ago(MIN), used_at: null },
        {
          token_hash: 'valid',
          user_id: user.id,
          expires_at: new Date(now.getTime() + 60 * MIN),
          used_at: null,
        },
      ])
      .execute()
    const stale = await createUser()
    await db
      .insertInto('user_mfa')
      .values({
        user_id: stale.id,
        secret: 'JBSWY3DPEHPK3PXP',
        confirmed_at: null,
        last_step: null,
        created_at: ago(25 * 60 * MIN),
      })
      .execute()
    const report = await purgeAuthRecords(db, now)
    expect(report).toEqual({ sessions: 1, throttleRows: 1, passwordTokens: 2, mfaEnrolments: 1 })
    expect((await rowsOf(user.id)).map((row) => row.id_hash)).toEqual([sha256(live)])
    expect((await db.selectFrom('auth_throttle').select('key').execute()).map((row) => row.key)).toEqual([
      'account:new@example.test',
    ])
    expect(
      (await db.selectFrom('password_tokens').select('token_hash').execute()).map((row) => row.token_hash),
    ).toEqual(['valid'])
    expect(await db.selectFrom('user_mfa').selectAll().execute()).toEqual([])
  })
})
