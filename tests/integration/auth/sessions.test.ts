import { describe, expect, test } from 'vitest'
import { getUser } from '~/auth/session.server'
import { actorOf } from '~/models/foundation/audit.server'
import {
  changePassword,
  createUser as createUserModel,
  setPasswordWithToken,
  setUserDisabled,
  updateUser,
} from '~/models/foundation/user.server'
import { action as logoutAction } from '~/routes/logout'
import { loader as homeLoader } from '~/routes/_index'
import { db } from '~/utils/db.server'
import { createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

const sessionIdOf = (cookie: string) => cookie.split('=')[1]!
const sessionCount = async (userId: string) =>
  (await db.selectFrom('user_sessions').select('id_hash').where('user_id', '=', userId).execute()).length

describe('sessions', () => {
  test('ids carry at least 128 bits of randomness (40 base-32 characters = 200 bits)', async () => {
    const user = await createUser()
    const ids = new Set<string>()
    for (let i = 0; i < 20; i++) ids.add(sessionIdOf(await sessionCookieFor(user.id)))
    expect(ids.size).toBe(20)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{40}$/)
  })

  test('changing the password ends every session of the user (but the one that made the change)', async () => {
    const user = await createUser()
    await sessionCookieFor(user.id)
    await sessionCookieFor(user.id)
    expect(await sessionCount(user.id)).toBe(2)
    await changePassword(db, user.id, 'a brand new passphrase')
    expect(await sessionCount(user.id)).toBe(0)
  })

  test('disabling a user ends their sessions and their cookie no longer signs them in', async () => {
    const admin = await createUser({ role: 'admin' })
    const user = await createUser()
    const cookie = await sessionCookieFor(user.id)
    await setUserDisabled(db, actorOf(admin), user.id, true)
    expect(await sessionCount(user.id)).toBe(0)
    expect(await getUser(buildRequest('/', { cookie }))).toBeNull()
    const home = (await run(homeLoader, buildRequest('/', { cookie }))) as Response
    expect(home.headers.get('Location')).toBe('/login')
  })

  test('a role change ends the user’s sessions (no page keeps old rights)', async () => {
    const admin = await createUser({ role: 'admin' })
    const user = await createUser({ role: 'lead' })
    await sessionCookieFor(user.id)
    await updateUser(db, actorOf(admin), user.id, { name: user.name, role: 'viewer' })
    expect(await sessionCount(user.id)).toBe(0)
  })

  test('sign-out ends the session on the server, not only the cookie', async () => {
    const user = await createUser()
    const cookie = await sessionCookieFor(user.id)
    const response = (await run(
      logoutAction,
      buildRequest('/logout', { method: 'POST', cookie }),
    )) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Set-Cookie')).toMatch(/tenfold_session=;/)
    expect(await sessionCount(user.id)).toBe(0)
    expect(statusOf(await run(homeLoader, buildRequest('/', { cookie })))).toBe(302)
  })

  test('a set-password link works once, then is spent', async () => {
    const admin = await createUser({ role: 'admin' })
    const { user, token } = await createUserModel(db, actorOf(admin), {
      email: 'new.person@example.test',
      name: 'New Person',
      role: 'viewer',
    })
    expect(token).toBeTruthy()
    expect(await setPasswordWithToken(db, token!, 'a long enough passphrase')).toEqual({
      userId: user.id,
      email: user.email,
    })
    expect(await setPasswordWithToken(db, token!, 'another long passphrase')).toBeNull()
  })
})
