import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { action as feedbackAction } from '~/routes/initiatives.$initiativeId.feedback.new'
import { action as sprintsAction } from '~/routes/initiatives.$initiativeId.sprints._index'
import { action as teamAction } from '~/routes/initiatives.$initiativeId.team'
import { db } from '~/utils/db.server'
import { addMember, createInitiative, createProgram, createUser } from '#tests/factories'
import { buildRequest, run, sessionCookieFor, statusOf } from '#tests/support/requests'

// A double-posted create form saves once: both posts carry the key of the page render they came from;
// the second writes nothing and answers where the first one sent the browser.

async function setup() {
  const lead = await createUser({ role: 'lead' })
  const eet = await createUser({ role: 'eet_member' })
  const initiative = await createInitiative({ programId: (await createProgram()).id, leadId: lead.id })
  await addMember(initiative.id, eet.id, 'eet')
  return { lead, eet, initiative, params: { initiativeId: initiative.id } }
}

const rows = async (table: 'backlog_items' | 'team_members' | 'pilot_feedback', initiativeId: string) =>
  db.selectFrom(table).select('id').where('initiative_id', '=', initiativeId).execute()

const ITEM = { intent: 'add-item', title: 'Explain each recommendation', type: 'story', estimate: '3' }

describe('idempotent create forms', () => {
  test('a double-posted backlog item creates one row; the second post answers the first redirect', async () => {
    const { lead, initiative, params } = await setup()
    const cookie = await sessionCookieFor(lead.id)
    const path = `/initiatives/${initiative.id}/sprints`
    const form = { ...ITEM, form_key: randomUUID() }
    const first = (await run(sprintsAction, buildRequest(path, { cookie, form }), params)) as Response
    const second = (await run(sprintsAction, buildRequest(path, { cookie, form }), params)) as Response
    expect([first.status, second.status]).toEqual([302, 302])
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'))
    expect(await rows('backlog_items', initiative.id)).toHaveLength(1)
    // Posted at the same moment (a double click): still one.
    const racing = { ...ITEM, title: 'Weekly digest', form_key: randomUUID() }
    const answers = await Promise.all(
      [1, 2, 3].map(() => run(sprintsAction, buildRequest(path, { cookie, form: racing }), params)),
    )
    expect(answers.map(statusOf)).toEqual([302, 302, 302])
    const titles = await db
      .selectFrom('backlog_items')
      .select('title')
      .where('initiative_id', '=', initiative.id)
      .orderBy('title')
      .execute()
    expect(titles.map((item) => item.title)).toEqual(['Explain each recommendation', 'Weekly digest'])
    // The next render's key is a new record.
    await run(
      sprintsAction,
      buildRequest(path, { cookie, form: { ...ITEM, form_key: randomUUID() } }),
      params,
    )
    expect(await rows('backlog_items', initiative.id)).toHaveLength(3)
  })

  test('a refused post keeps no claim: the corrected form, same key, saves once', async () => {
    const { lead, initiative, params } = await setup()
    const cookie = await sessionCookieFor(lead.id)
    const path = `/initiatives/${initiative.id}/team`
    const form_key = randomUUID()
    const bad = { intent: 'add', person_name: '', function: 'ux', allocation: '50', form_key }
    expect(statusOf(await run(teamAction, buildRequest(path, { cookie, form: bad }), params))).toBe(400)
    expect(await rows('team_members', initiative.id)).toHaveLength(0)
    const good = { ...bad, person_name: 'Mei-Ling Chen' }
    for (let i = 0; i < 2; i++)
      expect(statusOf(await run(teamAction, buildRequest(path, { cookie, form: good }), params))).toBe(302)
    expect(await rows('team_members', initiative.id)).toHaveLength(1)
  })

  test('keys are per user: another user posting the same key saves their own record', async () => {
    const { eet, initiative, params } = await setup()
    const other = await createUser({ role: 'eet_member' })
    await addMember(initiative.id, other.id, 'eet')
    const path = `/initiatives/${initiative.id}/feedback/new`
    const form = {
      release: '0.3',
      kind: 'idea',
      usefulness: '4',
      ease: '3',
      recommend: '8',
      title: 'Show the reason first',
      form_key: randomUUID(),
    }
    for (const user of [eet, eet, other]) {
      const cookie = await sessionCookieFor(user.id)
      expect(statusOf(await run(feedbackAction, buildRequest(path, { cookie, form }), params))).toBe(302)
    }
    expect(await rows('pilot_feedback', initiative.id)).toHaveLength(2)
  })
})
