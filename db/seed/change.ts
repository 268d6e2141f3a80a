import type { Transaction } from 'kysely'
import type { DB } from '~/utils/db.types'
import type { DemoContext } from './demo'

// Training for the Daily Recommender: a course and a microlearning item in the workflow, completed by
// about two reps in three over the last three months (deterministic), so that the training page and the
// checklist's training item show real figures. Dates are relative to the day the demo is loaded.

const MODULES = [
  { key: 'recommender-basics', title: 'Daily Recommender basics', kind: 'course' as const },
  {
    key: 'why-this-recommendation',
    title: 'Reading a recommendation’s explanation',
    kind: 'microlearning' as const,
  },
]

export async function seedChange(trx: Transaction<DB>, ctx: DemoContext, now = new Date()) {
  const recommender = ctx.initiatives['Daily Recommender']
  if (!recommender) return
  const modules = await trx
    .insertInto('training_modules')
    .values(MODULES.map((module) => ({ ...module, initiative_id: recommender })))
    .returning(['id', 'key'])
    .execute()
  const reps = await trx
    .selectFrom('sellers')
    .select('seller_id')
    .where('eligible', '=', true)
    .orderBy('seller_id')
    .execute()
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const day = (ago: number) => new Date(today - ago * 86_400_000).toISOString().slice(0, 10)
  const completions = reps.flatMap((rep, index) => {
    // Every third rep has not trained; every fifth did only the course.
    if (index % 3 === 2) return []
    const course = 20 + ((index * 7) % 70)
    const rows = [{ module_id: modules[0]!.id, seller_id: rep.seller_id, completed_on: day(course) }]
    if (index % 5 !== 4)
      rows.push({ module_id: modules[1]!.id, seller_id: rep.seller_id, completed_on: day(course - 3) })
    return rows.map((row) => ({ ...row, source: 'csv' as const }))
  })
  for (let i = 0; i < completions.length; i += 1000)
    await trx
      .insertInto('training_completions')
      .values(completions.slice(i, i + 1000))
      .execute()
}
