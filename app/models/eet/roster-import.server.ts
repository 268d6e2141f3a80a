import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import { translate, type MessageKey, type MessageVars } from '~/i18n/translate'
import type { Locale } from '~/i18n/locales'
import { parseCsv } from '~/utils/csv.server'
import type { Database, Executor } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { zodErrors } from '~/utils/forms'
import { actorOf, audit, type Actor } from '../foundation/audit.server'
import { SELLER_ROSTER_COLUMNS } from '../foundation/seller-columns'
import { markSellersLeft, sellerImages, upsertRoster } from '../foundation/seller.server'
import { endStintsOfLeftSellers } from './eet.server'
import { describeEffects, recordStints, type ImportEffects } from './roster-effects.server'
import { ROSTER_COLUMNS, SellerSchema, type ImportMode, type SellerInput } from './roster.schema'

// The roster import: parse and check every row (line numbers as in the file), compare with the roster,
// then upsert by seller_id in batches inside one transaction. Reps missing from the file leave (left_at,
// never deleted) only when the importer says the file is the whole roster; a file that would mark more
// than a tenth of the sales force as left also needs the number of leavers typed back. Each applied
// import is a version (roster_imports): the before-image of every row it changed, for undo.
export type RowIssue = { line: number; field: string; message: string }
export type ImportOptions = { mode: ImportMode; fullRoster: boolean }
export type ImportPlan = {
  ok: boolean
  fileError: string | null
  rows: number
  issues: RowIssue[]
  invalidLines: number
  create: number
  update: number
  unchanged: number
  rejoin: number
  /** Current reps absent from the file: they leave only with the full-roster choice. */
  absent: number
  markLeft: number
  /** Current reps before the import, the base of the 10 % rule. */
  salesForce: number
  needsLeaverConfirmation: boolean
  sample: SellerInput[]
  effects: ImportEffects
}

const BATCH = 5000
const COMPARED = SELLER_ROSTER_COLUMNS
/** More leavers than this share of the current sales force needs a typed confirmation. */
export const LEAVER_CONFIRMATION_SHARE = 0.1

function t(locale: Locale, key: MessageKey, vars?: MessageVars) {
  return translate(locale, key, vars)
}

const NO_EFFECTS: ImportEffects = {
  created: [],
  changed: [],
  leaving: [],
  stints: [],
  stintCount: 0,
  pilots: [],
  managersLeaving: [],
  managerChanges: 0,
}

function emptyPlan(message: string): ImportPlan {
  return {
    ok: false,
    fileError: message,
    rows: 0,
    issues: [],
    invalidLines: 0,
    create: 0,
    update: 0,
    unchanged: 0,
    rejoin: 0,
    absent: 0,
    markLeft: 0,
    salesForce: 0,
    needsLeaverConfirmation: false,
    sample: [],
    effects: NO_EFFECTS,
  }
}

async function activeAndKnown(db: Executor) {
  const rows = await db
    .selectFrom('sellers')
    .select([...COMPARED, 'id', 'seller_id', 'left_at'])
    .execute()
  return new Map(rows.map((row) => [row.seller_id, row]))
}

export type KnownSeller =
  Awaited<ReturnType<typeof activeAndKnown>> extends Map<string, infer Row> ? Row : never

/**
 * `changed`: the valid rows that are new, differ from the roster, or bring back a rep who had left;
 * `leaving`: sellers.id of the current reps who leave; `diff`: a hash of exactly what would be written.
 */
export type Analysis = { plan: ImportPlan; changed: SellerInput[]; leaving: string[]; diff: string }

/** Checks a roster CSV against the schema and the current roster; writes nothing. */
export async function planRosterImport(
  db: Executor,
  text: string,
  locale: Locale,
  options: ImportOptions = { mode: 'all_or_nothing', fullRoster: false },
): Promise<ImportPlan> {
  return (await analyseRoster(db, text, locale, options)).plan
}

export async function analyseRoster(
  db: Executor,
  text: string,
  locale: Locale,
  options: ImportOptions,
): Promise<Analysis> {
  const parsed = parseCsv(text, ROSTER_COLUMNS)
  const failed = (message: string) => ({ plan: emptyPlan(message), changed: [], leaving: [], diff: '' })
  if (!parsed.ok) {
    if (parsed.error === 'header')
      return failed(t(locale, 'eet.import.error.header', { columns: (parsed.missing ?? []).join(', ') }))
    if (parsed.error === 'malformed')
      return failed(t(locale, 'eet.import.error.malformed', { line: parsed.line ?? '?' }))
    return failed(t(locale, 'eet.import.error.empty'))
  }
  const existing = await activeAndKnown(db)
  const issues: RowIssue[] = []
  const valid: SellerInput[] = []
  const lineOf = new Map<string, number>()
  const invalidLines = new Set<number>()
  const inFile = new Set<string>()
  for (const record of parsed.records) {
    // A blank cell is an absent value, as in a submitted form.
    const values = Object.fromEntries(
      Object.entries(record.values).map(([key, value]) => [key, value === '' ? undefined : value]),
    )
    const result = SellerSchema.safeParse(values)
    const sellerId = record.values.seller_id?.trim()
    if (sellerId) inFile.add(sellerId)
    if (!result.success) {
      invalidLines.add(record.line)
      for (const [field, messages] of Object.entries(zodErrors(locale, result.error)))
        for (const message of messages) issues.push({ line: record.line, field, message })
      continue
    }
    const seen = lineOf.get(result.data.seller_id)
    if (seen !== undefined) {
      invalidLines.add(record.line)
      issues.push({
        line: record.line,
        field: 'seller_id',
        message: t(locale, 'eet.import.error.duplicate', { line: seen }),
      })
      continue
    }
    lineOf.set(result.data.seller_id, record.line)
    valid.push(result.data)
  }
  // Managers must be reps too: in this file or already on the roster.
  const kept: SellerInput[] = []
  for (const seller of valid) {
    const line = lineOf.get(seller.seller_id)!
    if (seller.manager_id === seller.seller_id) {
      issues.push({ line, field: 'manager_id', message: t(locale, 'eet.import.error.selfManager') })
      invalidLines.add(line)
    } else if (seller.manager_id && !inFile.has(seller.manager_id) && !existing.has(seller.manager_id)) {
      issues.push({
        line,
        field: 'manager_id',
        message: t(locale, 'eet.import.error.unknownManager', { id: seller.manager_id }),
      })
      invalidLines.add(line)
    } else kept.push(seller)
  }
  issues.sort((a, b) => a.line - b.line)

  let create = 0
  let update = 0
  let unchanged = 0
  let rejoin = 0
  const changed: SellerInput[] = []
  for (const seller of kept) {
    const before = existing.get(seller.seller_id)
    if (!before) {
      create++
      changed.push(seller)
    } else {
      if (before.left_at) rejoin++
      if (before.left_at || COMPARED.some((key) => before[key] !== seller[key])) {
        update++
        changed.push(seller)
      } else unchanged++
    }
  }
  // Rows that were in the file but invalid keep their current state; only absent reps may leave.
  const absentRows = [...existing.values()].filter((row) => !row.left_at && !inFile.has(row.seller_id))
  const leavingRows = options.fullRoster ? absentRows : []
  const salesForce = [...existing.values()].filter((row) => !row.left_at).length
  const ok = issues.length === 0
  const writes = !(options.mode === 'all_or_nothing' && !ok)
  const effects = await describeEffects(db, { existing, changed, leaving: leavingRows })
  const plan: ImportPlan = {
    ok,
    fileError: null,
    rows: parsed.records.length,
    issues,
    invalidLines: invalidLines.size,
    create,
    update,
    unchanged,
    rejoin,
    absent: absentRows.length,
    markLeft: leavingRows.length,
    salesForce,
    needsLeaverConfirmation: writes && leavingRows.length > salesForce * LEAVER_CONFIRMATION_SHARE,
    sample: kept.slice(0, 10),
    effects,
  }
  const leaving = leavingRows.map((row) => row.id).sort()
  const diff = createHash('sha256').update(JSON.stringify({ options, changed, leaving })).digest('hex')
  return { plan, changed, leaving, diff }
}

export type ImportResult = { applied: boolean; plan: ImportPlan; importId: string | null }

/**
 * Applies a roster CSV in one step (the CLI; the page stages a preview first, roster-version.server).
 * all_or_nothing: any bad row → nothing is written. valid_rows: the good rows are written, the bad ones
 * reported. `confirmLeavers` must equal the number of leavers when they are more than 10 %.
 */
export async function importRoster(
  db: Database,
  actor: Pick<AuthUser, 'id' | 'email'> | null,
  text: string,
  {
    mode,
    locale,
    fullRoster = false,
    confirmLeavers,
  }: { mode: ImportMode; locale: Locale; fullRoster?: boolean; confirmLeavers?: number },
): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    await lockRoster(trx)
    const options = { mode, fullRoster }
    const analysis = await analyseRoster(trx, text, locale, options)
    const { plan } = analysis
    if (plan.fileError || (mode === 'all_or_nothing' && !plan.ok))
      return { applied: false, plan, importId: null }
    assertLeaversConfirmed(plan, confirmLeavers)
    const actorRow = actor ? actorOf(actor) : { id: null, label: 'cli:roster-import' }
    const version = await trx
      .insertInto('roster_imports')
      .values({
        status: 'applied',
        actor_id: actorRow.id,
        actor_label: actorRow.label,
        mode,
        full_roster: fullRoster,
        file_sha256: sha256(text),
        diff_sha256: analysis.diff,
        summary: JSON.stringify(summaryOf(plan)),
        applied_at: sql<Date>`now()`,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await applyAnalysis(trx, actorRow, version.id, analysis, options)
    return { applied: true, plan, importId: version.id }
  })
}

/** One import at a time: a second one waits, then plans against the first one's result. */
export async function lockRoster(trx: Executor) {
  await sql`select pg_advisory_xact_lock(hashtext('tenfold.roster.import'))`.execute(trx)
}

export function sha256(text: string) {
  return createHash('sha256').update(text).digest('hex')
}

export function assertLeaversConfirmed(plan: ImportPlan, typed: number | undefined) {
  if (plan.needsLeaverConfirmation && typed !== plan.markLeft)
    throw new DomainError('eet.import.error.confirmLeavers', {
      field: 'confirm_leavers',
      params: { count: plan.markLeft, total: plan.salesForce },
    })
}

export function summaryOf(plan: ImportPlan) {
  return {
    rows: plan.rows,
    created: plan.create,
    updated: plan.update,
    unchanged: plan.unchanged,
    rejoined: plan.rejoin,
    markedLeft: plan.markLeft,
    invalidRows: plan.invalidLines,
    stintsEnded: plan.effects.stintCount,
  }
}

/** Writes an analysed import as version `importId`, keeping the before-image of all it changes. */
export async function applyAnalysis(
  trx: Executor,
  actor: Actor,
  importId: string,
  { plan, changed, leaving }: Analysis,
  options: ImportOptions,
) {
  const existing = await activeAndKnown(trx)
  const updatedIds = changed.flatMap((seller) => existing.get(seller.seller_id)?.id ?? [])
  await keepImages(trx, importId, 'updated', updatedIds)
  // Unchanged reps are not written at all: re-importing the same file is a no-op, and quick.
  for (let start = 0; start < changed.length; start += BATCH) {
    const batch = changed.slice(start, start + BATCH)
    await upsertRoster(
      trx,
      batch.map((seller) => ({ ...valuesOf(seller), seller_id: seller.seller_id })),
    )
  }
  const createdIds = changed
    .filter((seller) => !existing.has(seller.seller_id))
    .map((seller) => seller.seller_id)
  for (let start = 0; start < createdIds.length; start += BATCH) {
    const batch = createdIds.slice(start, start + BATCH)
    await sql`
      insert into roster_import_sellers (import_id, seller_pk, change, before)
      select ${importId}::uuid, s.id, 'created', null from sellers s
      where s.seller_id in (select jsonb_array_elements_text(${JSON.stringify(batch)}::jsonb))
    `.execute(trx)
  }
  await keepImages(trx, importId, 'left', leaving)
  for (let start = 0; start < leaving.length; start += BATCH) {
    const ids = leaving.slice(start, start + BATCH)
    await recordStints(trx, importId, ids)
    await markSellersLeft(trx, ids)
    await endStintsOfLeftSellers(trx, ids)
  }
  await audit(trx, {
    actor,
    action: 'roster.import',
    entityType: 'roster',
    entityId: importId,
    after: { mode: options.mode, fullRoster: options.fullRoster, ...summaryOf(plan) },
  })
}

async function keepImages(
  trx: Executor,
  importId: string,
  change: 'updated' | 'left',
  ids: readonly string[],
) {
  for (let start = 0; start < ids.length; start += BATCH) {
    const images = await sellerImages(trx, ids.slice(start, start + BATCH))
    if (!images.length) continue
    await trx
      .insertInto('roster_import_sellers')
      .values(
        images.map((row) => ({
          import_id: importId,
          seller_pk: row.id,
          change,
          before: JSON.stringify(row.image),
        })),
      )
      .execute()
  }
}

function valuesOf(seller: SellerInput) {
  return {
    name: seller.name,
    email: seller.email,
    region: seller.region,
    segment: seller.segment,
    team: seller.team,
    manager_id: seller.manager_id,
    hire_date: seller.hire_date,
    role: seller.role,
    tech_affinity: seller.tech_affinity,
    eligible: seller.eligible,
  }
}

/** The per-row report as plain lines (the CLI prints it; the page renders the same figures). */
export function reportLines(plan: ImportPlan, locale: Locale) {
  if (plan.fileError) return [plan.fileError]
  return [
    ...plan.issues.map((issue) =>
      t(locale, 'eet.import.issueLine', { line: issue.line, field: issue.field, message: issue.message }),
    ),
    t(locale, 'eet.import.summary', {
      rows: plan.rows,
      create: plan.create,
      update: plan.update,
      unchanged: plan.unchanged,
      left: plan.markLeft,
      invalid: plan.invalidLines,
    }),
  ]
}
