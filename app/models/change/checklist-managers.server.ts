import { sql } from 'kysely'
import { addDays, todayIn } from '~/utils/calendar'
import type { Executor } from '~/utils/db.server'
import { pilotRepsOf } from '../eet/pilot-reps.server'
import { reportingProgram } from '../foundation/reporting-program.server'
import type { DataVerdict } from './checklist-training.server'
import { thresholdsFor } from './settings.server'

// The checklist's frontline-manager item, judged from data (docs/metrics.md, "Frontline managers"): the
// share of the pilot's reps (the EET today) whose manager is engaged. A rep's manager is the roster row
// named by their manager_id; it is engaged when a portal user with role manager has that row's email,
// opened the coaching view in the last 28 days and has logged at least one coaching action. Met when
// the share reaches the program's threshold (no pilot rep: not met).

export const RECENT_DAYS = 28

export type ManagerEvidence = {
  manager_id: string
  name: string | null
  reps: number
  visits: number
  last_visit: string | null
  actions: number
  engaged: boolean
}

/** Each manager of the initiatives' pilot reps: the last 28 days' coaching-view visits, actions ever logged. */
async function managerFacts(db: Executor, managerIds: readonly string[], since: string) {
  if (!managerIds.length) return new Map<string, Omit<ManagerEvidence, 'reps' | 'engaged'>>()
  const rows = await sql<{
    manager_id: string
    name: string | null
    visits: number
    last_visit: string | null
    actions: number
  }>`
    select m.seller_id as manager_id, m.name,
      (select count(*)::int from users u join coaching_view_visits v on v.user_id = u.id
        where u.role = 'manager' and lower(u.email) = lower(m.email) and v.day >= ${since}::date) as visits,
      (select to_char(max(v.day), 'YYYY-MM-DD') from users u join coaching_view_visits v on v.user_id = u.id
        where u.role = 'manager' and lower(u.email) = lower(m.email)) as last_visit,
      (select count(*)::int from users u join coaching_actions c on c.manager_user_id = u.id
        where u.role = 'manager' and lower(u.email) = lower(m.email)) as actions
    from sellers m where m.seller_id in (${sql.join([...managerIds])})`.execute(db)
  return new Map(rows.rows.map((row) => [row.manager_id, row]))
}

export async function frontlineManagersEvidence(db: Executor, initiativeIds: readonly string[]) {
  const { timezone } = await reportingProgram(db)
  const today = todayIn(timezone)
  const since = addDays(today, -(RECENT_DAYS - 1))
  const reps = await pilotRepsOf(db, initiativeIds, today)
  const facts = await managerFacts(
    db,
    [...new Set(reps.flatMap((rep) => (rep.manager_id ? [rep.manager_id] : [])))],
    since,
  )
  return new Map(
    initiativeIds.map((id) => {
      const own = reps.filter((rep) => rep.initiative_id === id)
      const managers = [...new Set(own.map((rep) => rep.manager_id ?? ''))].sort().map((managerId) => {
        const fact = facts.get(managerId)
        const count = own.filter((rep) => (rep.manager_id ?? '') === managerId).length
        return {
          manager_id: managerId,
          name: fact?.name ?? null,
          reps: count,
          visits: fact?.visits ?? 0,
          last_visit: fact?.last_visit ?? null,
          actions: fact?.actions ?? 0,
          engaged: Boolean(fact && fact.visits > 0 && fact.actions > 0),
        } satisfies ManagerEvidence
      })
      const covered = managers.filter((m) => m.engaged).reduce((sum, m) => sum + m.reps, 0)
      return [id, { reps: own.length, covered, since, managers }] as const
    }),
  )
}

export async function judgeFrontlineManagers(
  db: Executor,
  initiatives: readonly { id: string; program_id: string }[],
): Promise<Map<string, DataVerdict>> {
  const [evidence, threshold] = await Promise.all([
    frontlineManagersEvidence(
      db,
      initiatives.map((initiative) => initiative.id),
    ),
    thresholdsFor(
      db,
      initiatives.map((initiative) => initiative.program_id),
    ),
  ])
  return new Map(
    initiatives.map((initiative) => {
      const facts = evidence.get(initiative.id)!
      const pct = threshold(initiative.program_id).managers_threshold_pct
      const share = facts.reps ? facts.covered / facts.reps : 0
      const engaged = facts.managers.filter((m) => m.engaged).length
      return [
        initiative.id,
        {
          met: facts.reps > 0 && share * 100 >= pct,
          detail: {
            covered: facts.covered,
            reps: facts.reps,
            share,
            threshold: pct / 100,
            engaged,
            managers: facts.managers.length,
          },
          evidence: `/initiatives/${initiative.id}/training`,
        },
      ]
    }),
  )
}
