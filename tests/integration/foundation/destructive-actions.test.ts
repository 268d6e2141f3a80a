import { describe, expect, test } from 'vitest'
import { addEetMembers } from '~/models/eet/eet.server'
import { createApiKey } from '~/models/foundation/api-key.server'
import { action as apiKeysAction } from '~/routes/admin.api-keys'
import { action as eetAction } from '~/routes/initiatives.$initiativeId.eet'
import { action as teamAction } from '~/routes/initiatives.$initiativeId.team'
import { db } from '~/utils/db.server'
import { popToast } from '~/utils/toast.server'
import { createInitiative, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// Every destructive action runs only with confirm=yes (set by ConfirmButton's dialog). Without it the
// action writes nothing and answers which form to confirm (the no-JavaScript confirmation step); the
// toast after removing a team member or ending an EET membership carries the form that undoes it.

async function toastOf(response: unknown) {
  const setCookie = (response as Response).headers.get('Set-Cookie') ?? ''
  const cookie = setCookie.split(';')[0]!
  return (await popToast(new Request('http://localhost/', { headers: { Cookie: cookie } }))).toast
}

describe('destructive actions ask first', () => {
  test('removing a team member: asked, then removed; the toast’s undo re-adds the same person', async () => {
    const lead = await createUser({ role: 'lead' })
    const initiative = await createInitiative({ leadId: lead.id })
    const cookie = await sessionCookieFor(lead.id)
    const params = { initiativeId: initiative.id }
    const post = (form: Record<string, string>) =>
      run(teamAction, buildRequest(`/initiatives/${initiative.id}/team`, { cookie, form }), params)
    const person = {
      person_name: 'Ana Data',
      person_email: 'ana@example.test',
      function: 'data_scientist',
      allocation: '60',
    }
    await post({ intent: 'add', ...person })
    const team = () =>
      db
        .selectFrom('team_members')
        .select(['id', 'person_name', 'person_email', 'function', 'allocation'])
        .where('initiative_id', '=', initiative.id)
        .execute()
    const [member] = await team()
    const asked = (await post({ intent: 'remove', member_id: member!.id })) as {
      data: { confirmation: { fields: Record<string, string> } }
    }
    expect(statusOf(asked)).toBe(200)
    expect(asked.data.confirmation.fields).toEqual({ intent: 'remove', member_id: member!.id })
    expect(await team()).toHaveLength(1)
    const removed = await post({ intent: 'remove', member_id: member!.id, confirm: 'yes' })
    expect(statusOf(removed)).toBe(302)
    expect(await team()).toEqual([])
    const toast = await toastOf(removed)
    expect(toast).toMatchObject({ message: 'accountability.toast.memberRemoved' })
    expect(toast!.undo).toEqual({
      action: `/initiatives/${initiative.id}/team`,
      fields: { intent: 'add', ...person },
    })
    await post(toast!.undo!.fields)
    expect((await team()).map(({ id: _, ...rest }) => rest)).toEqual([
      {
        person_name: 'Ana Data',
        person_email: 'ana@example.test',
        function: 'data_scientist',
        allocation: 60,
      },
    ])
  })

  test('ending an EET membership: asked, then ended; the toast’s undo reinstates it', async () => {
    const lead = await createUser({ role: 'lead' })
    const initiative = await createInitiative({ leadId: lead.id })
    const seller = await db
      .insertInto('sellers')
      .values({ seller_id: 'D-1', name: 'Dee Rep', region: 'North', segment: 'SMB', team: 'T', role: 'AE' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await addEetMembers(db, lead, initiative.id, { sellerIds: [seller.id], joinedOn: '2026-01-05' })
    const stint = () =>
      db
        .selectFrom('eet_members')
        .selectAll()
        .where('initiative_id', '=', initiative.id)
        .executeTakeFirstOrThrow()
    const before = await stint()
    const cookie = await sessionCookieFor(lead.id)
    const post = (form: Record<string, string>) =>
      run(eetAction, buildRequest(`/initiatives/${initiative.id}/eet`, { cookie, form }), {
        initiativeId: initiative.id,
      })
    const form = { intent: 'leave', member_id: before.id, left_on: '2026-02-01' }
    expect(statusOf(await post(form))).toBe(200)
    expect(await stint()).toEqual(before)
    const ended = await post({ ...form, confirm: 'yes' })
    expect(statusOf(ended)).toBe(302)
    expect((await stint()).left_on).toBe('2026-02-01')
    const toast = await toastOf(ended)
    expect(toast!.undo!.fields).toEqual({ intent: 'reinstate', member_id: before.id })
    expect(statusOf(await post(toast!.undo!.fields))).toBe(302)
    expect(await stint()).toEqual(before)
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', initiative.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.action).toBe('eet.reinstate')
  })

  test('revoking an API key: asked, then revoked', async () => {
    const admin = await createUser({ role: 'admin' })
    const { id } = await createApiKey(
      db,
      { id: admin.id, label: admin.email },
      { name: 'CRM', scopes: ['metrics:read'] },
    )
    const cookie = await sessionCookieFor(admin.id)
    const post = (form: Record<string, string>) =>
      run(apiKeysAction, buildRequest('/admin/api-keys', { cookie, form }))
    const revokedAt = async () =>
      (await db.selectFrom('api_keys').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow())
        .revoked_at
    expect(statusOf(await post({ intent: 'revoke', id }))).toBe(200)
    expect(await revokedAt()).toBeNull()
    expect(statusOf(await post({ intent: 'revoke', id, confirm: 'yes' }))).toBe(302)
    expect(await revokedAt()).not.toBeNull()
  })
})
