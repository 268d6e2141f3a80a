import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import { todayIn } from '~/utils/calendar'
import type { Database, Executor } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { actorOf, audit, type Actor } from '../foundation/audit.server'
import { reportingProgram } from '../foundation/reporting-program.server'
import type { CompletionSource } from './tables'
import {
  CompletionItemSchema,
  type CompletionItem,
  type CompletionReport,
  type ModuleInput,
} from './training.schema'

// Training modules of an initiative and reps' completions of them, from the CSV import, the API or a
// form. A completion is stored once per module and rep: a resend is counted as a duplicate and changes
// nothing, so a client may safely send the same batch again.

/** The training modules of these initiatives, each with its initiative, oldest first. */
export async function listModulesOf(db: Executor, initiativeIds: readonly string[]) {
  if (!initiativeIds.length) return []
  return db
    .selectFrom('training_modules')
    .select(['id', 'key', 'title', 'kind', 'initiative_id'])
    .where('initiative_id', 'in', [...initiativeIds])
    .orderBy('created_at')
    .orderBy('key')
    .execute()
}

export async function createModule(db: Database, user: AuthUser, initiativeId: string, input: ModuleInput) {
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('training_modules')
      .select('id')
      .where('key', '=', input.key)
      .executeTakeFirst()
    if (taken) throw new DomainError('change.training.errors.keyTaken', { field: 'key' })
    const created = await trx
      .insertInto('training_modules')
      .values({ initiative_id: initiativeId, key: input.key, title: input.title, kind: input.kind })
      .returning(['id', 'key', 'title', 'kind'])
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor: actorOf(user),
      action: 'training.module.create',
      entityType: 'initiative',
      entityId: initiativeId,
      after: created,
    })
    return created
  })
}

/** Why a completion row was refused: a catalogue key on pages (change.training.rowError.*), English on the API. */
export const ROW_ERRORS = {
  module_key: 'module_key is required (at most 64 characters)',
  seller_id: 'seller_id is required (at most 64 characters)',
  completed_on: 'completed_on must be a date (YYYY-MM-DD)',
  unknown_module: 'module_key names no training module',
  other_initiative: 'module_key names a module of another initiative',
  unknown_seller: 'seller_id is not in the roster',
  future_date: 'completed_on is in the future',
} as const
export type RowError = keyof typeof ROW_ERRORS

export type DetailedCompletionReport = {
  accepted: number
  duplicates: number
  rejected: { index: number; errors: RowError[] }[]
}

/** The report with its errors in English, as the API answers. */
export function apiReport(report: DetailedCompletionReport): CompletionReport {
  return {
    ...report,
    rejected: report.rejected.map((row) => ({ ...row, errors: row.errors.map((code) => ROW_ERRORS[code]) })),
  }
}

/**
 * Validates and stores completions in one transaction with one audit row (when any was new). Valid rows
 * are stored even when others are refused; `initiativeId` limits the modules to one initiative's (the
 * initiative's import page), the API takes any module.
 */
export async function recordCompletions(
  db: Database,
  actor: Actor,
  items: readonly { index: number; raw: unknown }[],
  source: CompletionSource,
  initiativeId?: string,
): Promise<DetailedCompletionReport> {
  const { timezone } = await reportingProgram(db)
  const today = todayIn(timezone)
  return db.transaction().execute(async (trx) => {
    const parsed: { index: number; item: CompletionItem }[] = []
    const rejected: DetailedCompletionReport['rejected'] = []
    for (const { index, raw } of items) {
      const result = CompletionItemSchema.safeParse(raw)
      if (result.success) parsed.push({ index, item: result.data })
      else {
        const paths = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? 'module_key')))
        const errors = (['module_key', 'seller_id', 'completed_on'] as const).filter((f) => paths.has(f))
        rejected.push({ index, errors: errors.length ? errors : ['module_key'] })
      }
    }
    const keys = [...new Set(parsed.map((row) => row.item.module_key))]
    const sellers = [...new Set(parsed.map((row) => row.item.seller_id))]
    const [modules, roster] = await Promise.all([
      keys.length
        ? trx
            .selectFrom('training_modules')
            .select(['id', 'key', 'initiative_id'])
            .where('key', 'in', keys)
            .execute()
        : [],
      sellers.length
        ? trx.selectFrom('sellers').select('seller_id').where('seller_id', 'in', sellers).execute()
        : [],
    ])
    const moduleOf = new Map(modules.map((row) => [row.key, row]))
    const known = new Set(roster.map((row) => row.seller_id))
    const valid = new Map<string, { module_id: string; seller_id: string; completed_on: string }>()
    let repeats = 0
    for (const { index, item } of parsed) {
      const module = moduleOf.get(item.module_key)
      const errors: RowError[] = []
      if (!module) errors.push('unknown_module')
      else if (initiativeId && module.initiative_id !== initiativeId) errors.push('other_initiative')
      if (!known.has(item.seller_id)) errors.push('unknown_seller')
      if (item.completed_on > today) errors.push('future_date')
      if (errors.length || !module) {
        rejected.push({ index, errors })
        continue
      }
      const key = `${module.id}|${item.seller_id}`
      if (valid.has(key)) repeats++
      else
        valid.set(key, { module_id: module.id, seller_id: item.seller_id, completed_on: item.completed_on })
    }
    let accepted = 0
    if (valid.size) {
      const inserted = await trx
        .insertInto('training_completions')
        .values([...valid.values()].map((row) => ({ ...row, source })))
        .onConflict((oc) => oc.columns(['module_id', 'seller_id']).doNothing())
        .returning(sql<number>`1`.as('one'))
        .execute()
      accepted = inserted.length
    }
    const report = {
      accepted,
      duplicates: valid.size - accepted + repeats,
      rejected: rejected.sort((a, b) => a.index - b.index),
    }
    if (accepted)
      await audit(trx, {
        actor,
        action: 'training.completions.record',
        entityType: 'training_completion_batch',
        entityId: initiativeId ?? null,
        after: {
          source,
          received: items.length,
          accepted,
          duplicates: report.duplicates,
          rejected: rejected.length,
        },
      })
    return report
  })
}

/** Completions of the modules given, for the figures. */
export async function completionsOf(db: Executor, moduleIds: readonly string[]) {
  if (!moduleIds.length) return []
  const rows = await db
    .selectFrom('training_completions')
    .select(['module_id', 'seller_id', sql<string>`to_char(completed_on, 'YYYY-MM-DD')`.as('completed_on')])
    .where('module_id', 'in', [...moduleIds])
    .execute()
  return rows
}
