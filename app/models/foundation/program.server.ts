import type { Database, Executor } from '~/utils/db.server'
import type { ProgramInput } from './program.schema'
import { audit, type Actor } from './audit.server'

const columns = [
  'id',
  'name',
  'description',
  'reporting_timezone',
  'date_window_days',
  'archived_at',
  'created_at',
  'updated_at',
] as const

export function listPrograms(db: Executor, { includeArchived = false } = {}) {
  let query = db
    .selectFrom('programs')
    .select(columns)
    .select((eb) =>
      eb
        .selectFrom('initiatives')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('initiatives.program_id', '=', 'programs.id')
        .where('initiatives.archived_at', 'is', null)
        .as('initiative_count'),
    )
    .orderBy('name')
  if (!includeArchived) query = query.where('archived_at', 'is', null)
  return query.execute()
}

export function getProgram(db: Executor, id: string) {
  return db.selectFrom('programs').select(columns).where('id', '=', id).executeTakeFirst()
}

export async function createProgram(db: Database, actor: Actor, input: ProgramInput) {
  return db.transaction().execute(async (trx) => {
    const program = await trx
      .insertInto('programs')
      .values({
        name: input.name,
        description: input.description,
        reporting_timezone: input.reporting_timezone,
        date_window_days: input.date_window_days,
      })
      .returning(columns)
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor,
      action: 'program.create',
      entityType: 'program',
      entityId: program.id,
      after: input,
    })
    return program
  })
}

export async function updateProgram(db: Database, actor: Actor, id: string, input: ProgramInput) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('programs')
      .select(['name', 'description', 'reporting_timezone', 'date_window_days'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!before) return null
    await trx
      .updateTable('programs')
      .set({
        name: input.name,
        description: input.description,
        reporting_timezone: input.reporting_timezone,
        date_window_days: input.date_window_days,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute()
    await audit(trx, {
      actor,
      action: 'program.update',
      entityType: 'program',
      entityId: id,
      before,
      after: input,
    })
    return input
  })
}

export async function setProgramArchived(db: Database, actor: Actor, id: string, archived: boolean) {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('programs')
      .set({ archived_at: archived ? new Date() : null, updated_at: new Date() })
      .where('id', '=', id)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) return false
    await audit(trx, {
      actor,
      action: archived ? 'program.archive' : 'program.restore',
      entityType: 'program',
      entityId: id,
    })
    return true
  })
}
