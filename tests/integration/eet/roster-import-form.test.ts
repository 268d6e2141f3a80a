import { describe, expect, test } from 'vitest'
import { action as importAction } from '~/routes/roster.import'
import { db } from '~/utils/db.server'
import { createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

type Answer = { data: { fieldErrors: Record<string, string[]> | null; formError: string | null } }

const HEADER = 'seller_id,name,email,region,segment,team,manager_id,hire_date,role,tech_affinity,eligible'

async function post(cookie: string, fields: Record<string, string>, file?: File) {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  if (file) body.append('file', file)
  return run(importAction, buildRequest('/roster/import', { cookie, body }))
}

describe('roster import form', () => {
  test('a missing or empty file and an unknown intent are refused next to their field; nothing is written', async () => {
    const admin = await createUser({ role: 'admin' })
    const cookie = await sessionCookieFor(admin.id)
    const none = (await post(cookie, { intent: 'preview' })) as Answer
    expect(statusOf(none)).toBe(400)
    expect(none.data.fieldErrors).toEqual({ file: ['Choose a CSV file.'] })
    expect(none.data.formError).toBe('Please correct the highlighted fields.')

    const empty = (await post(cookie, { intent: 'preview' }, new File([], 'roster.csv'))) as Answer
    expect(statusOf(empty)).toBe(400)
    expect(empty.data.fieldErrors).toEqual({ file: ['Choose a CSV file.'] })

    const row = 'S1,Rep One,one@example.test,North,SMB,Team 1,,2020-01-15,Account executive,unknown,true'
    const file = new File([`${HEADER}\n${row}\n`], 'roster.csv', { type: 'text/csv' })
    const unknown = (await post(cookie, { intent: 'wipe' }, file)) as Answer
    expect(statusOf(unknown)).toBe(400)
    expect(Object.keys(unknown.data.fieldErrors ?? {})).toEqual(['intent'])
    const sellers = await db.selectFrom('sellers').select('seller_id').where('seller_id', '=', 'S1').execute()
    expect(sellers).toEqual([])
  })

  test('the refusal is in the reader’s language', async () => {
    const admin = await createUser({ role: 'admin' })
    await db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', admin.id).execute()
    const cookie = await sessionCookieFor(admin.id)
    const none = (await post(cookie, { intent: 'preview' })) as Answer
    expect(none.data.fieldErrors).toEqual({ file: ['請選擇 CSV 檔案。'] })
  })
})
