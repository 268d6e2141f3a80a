import { describe, expect, test } from 'vitest'
import { action as apiKeysAction } from '~/routes/admin.api-keys'
import { action as userAction } from '~/routes/admin.users.$userId'
import { action as newUserAction } from '~/routes/admin.users.new'
import { db } from '~/utils/db.server'
import { createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

type Answer = { data: { fieldErrors: Record<string, string[]> | null; formError: string | null } }

describe('administration forms', () => {
  test('an API key takes one scope or several, and at least one', async () => {
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    const post = (form: Record<string, string | string[]>) =>
      run(apiKeysAction, buildRequest('/admin/api-keys', { cookie, form: { intent: 'create', ...form } }))
    const none = (await post({ name: 'CRM' })) as Answer
    expect(statusOf(none)).toBe(400)
    expect(none.data.fieldErrors).toEqual({ scopes: ['Choose at least one scope.'] })
    for (const scopes of [['metrics:read'], ['measurements:write', 'events:write']]) {
      const created = (await post({ name: `CRM ${scopes.length}`, scopes })) as { secret: string }
      expect(created.secret).toMatch(/^tf_[0-9a-f]{12}_/)
      const key = await db
        .selectFrom('api_keys')
        .select('scopes')
        .where('name', '=', `CRM ${scopes.length}`)
        .executeTakeFirstOrThrow()
      expect(key.scopes).toEqual(scopes)
    }
  })

  test('a new user needs a free email', async () => {
    const admin = await createUser({ role: 'admin' })
    const taken = await createUser()
    const answer = (await run(
      newUserAction,
      buildRequest('/admin/users/new', {
        cookie: await sessionCookieFor(admin.id),
        form: { name: 'Someone', email: taken.email.toUpperCase(), role: 'viewer' },
      }),
    )) as Answer
    expect(statusOf(answer)).toBe(400)
    expect(answer.data.fieldErrors).toEqual({ email: ['A user with this email already exists.'] })
  })

  test('disabling takes no name or role; an admin cannot disable themself; an unknown intent is refused', async () => {
    const admin = await createUser({ role: 'admin' })
    const user = await createUser()
    const cookie = await sessionCookieFor(admin.id)
    const post = (userId: string, form: Record<string, string>) =>
      run(userAction, buildRequest(`/admin/users/${userId}`, { cookie, form }), { userId })
    expect(statusOf(await post(user.id, { intent: 'disable', confirm: 'yes' }))).toBe(302)
    const disabled = await db
      .selectFrom('users')
      .select('disabled_at')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(disabled.disabled_at).not.toBeNull()
    const self = (await post(admin.id, { intent: 'disable' })) as Answer
    expect(statusOf(self)).toBe(400)
    expect(self.data.formError).toBe('You cannot disable yourself or change your own role.')
    expect(statusOf(await post(user.id, { intent: 'delete' }))).toBe(400)
    const blank = (await post(user.id, { intent: 'update', name: ' ', role: 'viewer' })) as Answer
    expect(blank.data.fieldErrors).toEqual({ name: ['This field is required.'] })
  })

  test('least privilege: a new user is a viewer by default; administrator rights need the confirmation box', async () => {
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    const create = (form: Record<string, string>) =>
      run(newUserAction, buildRequest('/admin/users/new', { cookie, form }))
    const roleOf = async (email: string) =>
      (await db.selectFrom('users').select('role').where('email', '=', email).executeTakeFirst())?.role

    // No role posted (a client that leaves the select out): a viewer, not an administrator.
    await create({ name: 'Default', email: 'default@example.test' })
    expect(await roleOf('default@example.test')).toBe('viewer')
    const refused = (await create({ name: 'Boss', email: 'boss@example.test', role: 'admin' })) as Answer
    expect(statusOf(refused)).toBe(400)
    expect(refused.data.fieldErrors).toEqual({
      confirm_admin: ['Tick the box to confirm administrator rights.'],
    })
    expect(await roleOf('boss@example.test')).toBeUndefined()
    await create({ name: 'Boss', email: 'boss@example.test', role: 'admin', confirm_admin: 'on' })
    expect(await roleOf('boss@example.test')).toBe('admin')

    const user = await createUser({ role: 'viewer' })
    const update = (form: Record<string, string>) =>
      run(userAction, buildRequest(`/admin/users/${user.id}`, { cookie, form }), { userId: user.id })
    const promoted = (await update({ intent: 'update', name: user.name, role: 'admin' })) as Answer
    expect(statusOf(promoted)).toBe(400)
    expect(promoted.data.fieldErrors).toEqual({
      confirm_admin: ['Tick the box to confirm administrator rights.'],
    })
    expect(
      (await db.selectFrom('users').select('role').where('id', '=', user.id).executeTakeFirst())?.role,
    ).toBe('viewer')
    // Another role needs no box; administrator does, then it is given.
    expect(statusOf(await update({ intent: 'update', name: user.name, role: 'lead' }))).toBe(302)
    expect(
      statusOf(await update({ intent: 'update', name: user.name, role: 'admin', confirm_admin: 'on' })),
    ).toBe(302)
    expect(
      (await db.selectFrom('users').select('role').where('id', '=', user.id).executeTakeFirst())?.role,
    ).toBe('admin')
  })
})
