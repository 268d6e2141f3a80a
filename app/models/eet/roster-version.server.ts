import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import type { Locale } from '~/i18n/locales'
import type { Database, Executor } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { actorOf, audit } from '../foundation/audit.server'
import { deleteSellers, restoreSellerImages } from '../foundation/seller.server'
import { syncEetAccess } from './eet.server'
import {
  analyseRoster,
  applyAnalysis,
  assertLeaversConfirmed,
  lockRoster,
  sha256,
  summaryOf,
  type ImportOptions,
  type ImportPlan,
} from './roster-import.server'

// The page's two steps and the undo. A preview is stored as a pending import (the file, the options
// and the hash of the diff it showed); confirming names that pending import, re-plans its file under
// the roster lock and writes only if the diff is still the one previewed. An applied import can be
// undone for 7 days, newest first: every seller row goes back to its before-image (created reps are
// removed), the EET stints it ended reopen, EET access follows, all audited in the one transaction.

export const UNDO_DAYS = 7
const PENDING_HOURS = 24

export type StagedImport = { plan: ImportPlan; importId: string | null }

export async function stageRosterImport(
  db: Database,
  user: Pick<AuthUser, 'id' | 'email'>,
  text: string,
  { locale, ...options }: ImportOptions & { locale: Locale },
): Promise<StagedImport> {
  return db.transaction().execute(async (trx) => {
    const analysis = await analyseRoster(trx, text, locale, options)
    const { plan } = analysis
    if (plan.fileError || (options.mode === 'all_or_nothing' && !plan.ok)) return { plan, importId: null }
    await trx
      .deleteFrom('roster_imports')
      .where('status', '=', 'pending')
      .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${PENDING_HOURS})`)
      .execute()
    const pending = await trx
      .insertInto('roster_imports')
      .values({
        status: 'pending',
        actor_id: user.id,
        actor_label: user.email,
        mode: options.mode,
        full_roster: options.fullRoster,
        file_sha256: sha256(text),
        diff_sha256: analysis.diff,
        file_text: text,
        summary: JSON.stringify(summaryOf(plan)),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { plan, importId: pending.id }
  })
}

/** Writes the previewed import `importId` (the same user's), refused if the roster moved since. */
export async function confirmRosterImport(
  db: Database,
  user: Pick<AuthUser, 'id' | 'email'>,
  { importId, confirmLeavers, locale }: { importId: string; confirmLeavers?: number; locale: Locale },
): Promise<{ plan: ImportPlan; importId: string }> {
  return db.transaction().execute(async (trx) => {
    await lockRoster(trx)
    const pending = await trx
      .selectFrom('roster_imports')
      .select(['id', 'mode', 'full_roster', 'file_text', 'diff_sha256'])
      .where('id', '=', importId)
      .where('actor_id', '=', user.id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (!pending?.file_text) throw new DomainError('eet.import.error.pendingGone', { status: 409 })
    const options: ImportOptions = {
      mode: pending.mode === 'valid_rows' ? 'valid_rows' : 'all_or_nothing',
      fullRoster: pending.full_roster,
    }
    const analysis = await analyseRoster(trx, pending.file_text, locale, options)
    if (analysis.diff !== pending.diff_sha256)
      throw new DomainError('eet.import.error.stale', { status: 409 })
    assertLeaversConfirmed(analysis.plan, confirmLeavers)
    await trx
      .updateTable('roster_imports')
      .set({ status: 'applied', applied_at: sql<Date>`now()`, file_text: null })
      .where('id', '=', importId)
      .execute()
    await applyAnalysis(trx, actorOf(user), importId, analysis, options)
    return { plan: analysis.plan, importId }
  })
}

/** The current plan of a pending import of this user's (to show it again), or null when it is gone. */
export async function pendingPlan(
  db: Executor,
  user: Pick<AuthUser, 'id'>,
  importId: string,
  locale: Locale,
): Promise<ImportPlan | null> {
  const pending = await db
    .selectFrom('roster_imports')
    .select(['mode', 'full_roster', 'file_text'])
    .where('id', '=', importId)
    .where('actor_id', '=', user.id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  if (!pending?.file_text) return null
  const options: ImportOptions = {
    mode: pending.mode === 'valid_rows' ? 'valid_rows' : 'all_or_nothing',
    fullRoster: pending.full_roster,
  }
  return (await analyseRoster(db, pending.file_text, locale, options)).plan
}

/** The applied and undone imports, newest first, and whether each can still be undone. */
export async function listRosterImports(db: Executor, limit = 20) {
  const rows = await db
    .selectFrom('roster_imports')
    .select([
      'id',
      'status',
      'actor_label',
      'mode',
      'full_roster',
      'summary',
      'applied_at',
      'undone_at',
      'undone_by',
      sql<boolean>`applied_at > now() - make_interval(days => ${UNDO_DAYS})`.as('recent'),
    ])
    .where('status', '!=', 'pending')
    .orderBy('applied_at', 'desc')
    .limit(limit)
    .execute()
  const latestApplied = rows.find((row) => row.status === 'applied')?.id
  return rows.map((row) => ({
    ...row,
    summary: row.summary as ReturnType<typeof summaryOf>,
    undoable: row.status === 'applied' && row.recent && row.id === latestApplied,
  }))
}

export async function undoRosterImport(db: Database, user: Pick<AuthUser, 'id' | 'email'>, importId: string) {
  return db.transaction().execute(async (trx) => {
    await lockRoster(trx)
    const version = await trx
      .selectFrom('roster_imports')
      .select([
        'id',
        'status',
        'applied_at',
        'summary',
        sql<boolean>`applied_at > now() - make_interval(days => ${UNDO_DAYS})`.as('recent'),
      ])
      .where('id', '=', importId)
      .where('status', '!=', 'pending')
      .executeTakeFirst()
    if (!version) throw new DomainError('eet.import.undo.missing', { status: 404 })
    if (version.status !== 'applied') throw new DomainError('eet.import.undo.already', { status: 409 })
    if (!version.recent)
      throw new DomainError('eet.import.undo.tooOld', { status: 409, params: { days: UNDO_DAYS } })
    const later = await trx
      .selectFrom('roster_imports')
      .select('id')
      .where('status', '=', 'applied')
      // Compared in SQL: a JS Date drops the microseconds of applied_at.
      .where('id', '!=', importId)
      .where('applied_at', '>=', sql<Date>`(select applied_at from roster_imports where id = ${importId})`)
      .executeTakeFirst()
    if (later) throw new DomainError('eet.import.undo.notLatest', { status: 409 })
    await assertUndoable(trx, importId)

    const images = await trx
      .selectFrom('roster_import_sellers')
      .select(['before'])
      .where('import_id', '=', importId)
      .where('before', 'is not', null)
      .execute()
    const restored = images.map((row) => row.before!)
    for (let start = 0; start < restored.length; start += 5000)
      await restoreSellerImages(trx, restored.slice(start, start + 5000))
    const created = await trx
      .selectFrom('roster_import_sellers')
      .select('seller_pk')
      .where('import_id', '=', importId)
      .where('change', '=', 'created')
      .execute()
    for (let start = 0; start < created.length; start += 5000)
      await deleteSellers(
        trx,
        created.slice(start, start + 5000).map((row) => row.seller_pk),
      )
    const reopened = await sql<{ initiative_id: string; user_id: string | null }>`
      update eet_members m set left_on = r.left_on
      from roster_import_stints st
        cross join lateral jsonb_populate_record(null::eet_members, st.before) as r
      where st.import_id = ${importId} and m.id = st.eet_member_id
      returning m.initiative_id, (select s.user_id from sellers s where s.id = m.seller_id) as user_id
    `.execute(trx)
    const usersByInitiative = new Map<string, (string | null)[]>()
    for (const row of reopened.rows)
      usersByInitiative.set(row.initiative_id, [
        ...(usersByInitiative.get(row.initiative_id) ?? []),
        row.user_id,
      ])
    for (const [initiativeId, userIds] of usersByInitiative) await syncEetAccess(trx, initiativeId, userIds)

    await trx
      .updateTable('roster_imports')
      .set({ status: 'undone', undone_at: sql<Date>`now()`, undone_by: user.email })
      .where('id', '=', importId)
      .execute()
    await audit(trx, {
      actor: actorOf(user),
      action: 'roster.import.undo',
      entityType: 'roster',
      entityId: importId,
      before: version.summary,
      after: {
        restoredSellers: restored.length,
        removedSellers: created.length,
        reopenedStints: reopened.rows.length,
      },
    })
    return {
      restoredSellers: restored.length,
      removedSellers: created.length,
      reopenedStints: reopened.rows.length,
    }
  })
}

/** Refuses an undo that would break what happened since: a created rep now used, a stint re-added. */
async function assertUndoable(trx: Executor, importId: string) {
  const used = await sql<{ seller_id: string }>`
    select s.seller_id from roster_import_sellers ris join sellers s on s.id = ris.seller_pk
    where ris.import_id = ${importId} and ris.change = 'created'
      and (s.user_id is not null or exists (select 1 from eet_members m where m.seller_id = s.id))
    limit 1
  `.execute(trx)
  if (used.rows[0])
    throw new DomainError('eet.import.undo.createdInUse', {
      status: 409,
      params: { id: used.rows[0].seller_id },
    })
  const reAdded = await sql<{ seller_id: string }>`
    select s.seller_id from roster_import_stints st
      join eet_members ended on ended.id = st.eet_member_id
      join eet_members open on open.seller_id = ended.seller_id and open.initiative_id = ended.initiative_id
        and open.left_on is null and open.id <> ended.id
      join sellers s on s.id = ended.seller_id
    where st.import_id = ${importId}
    limit 1
  `.execute(trx)
  if (reAdded.rows[0])
    throw new DomainError('eet.import.undo.stintReopened', {
      status: 409,
      params: { id: reAdded.rows[0].seller_id },
    })
}
