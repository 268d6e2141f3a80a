import { sql } from 'kysely'
import type { AuthUser } from '~/auth/session.server'
import { translate, type MessageKey, type MessageVars } from '~/i18n/translate'
import type { Locale } from '~/i18n/locales'
import { parseCsv } from '~/utils/csv.server'
import type { Database, Executor } from '~/utils/db.server'
import { zodErrors } from '~/utils/forms'
import { actorOf, audit } from '../foundation/audit.server'
import { SELLER_ROSTER_COLUMNS } from '../foundation/seller-columns'
import { markSellersLeft, upsertRoster } from '../foundation/seller.server'
import { endStintsOfLeftSellers } from './eet.server'
import { ROSTER_COLUMNS, SellerSchema, type ImportMode, type SellerInput } from './roster.schema'

// The roster import: parse and check every row (line numbers as in the file), compare with the roster,
// then upsert by seller_id in batches inside one transaction. Reps missing from the file get left_at
// (never deleted); a rep who reappears is active again. Re-running the same file changes nothing.

export type RowIssue = { line: number; field: string; message: string }
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
  markLeft: number
  sample: SellerInput[]
}

const BATCH = 5000
const COMPARED = SELLER_ROSTER_COLUMNS

function t(locale: Locale, key: MessageKey, vars?: MessageVars) {
  return translate(locale, key, vars)
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
    markLeft: 0,
    sample: [],
  }
}

async function activeAndKnown(db: Executor) {
  const rows = await db
    .selectFrom('sellers')
    .select([...COMPARED, 'seller_id', 'left_at'])
    .execute()
  return new Map(rows.map((row) => [row.seller_id, row]))
}

/** `changed`: the valid rows that are new, differ from the roster, or bring back a rep who had left. */
type Analysis = { plan: ImportPlan; changed: SellerInput[]; inFile: Set<string> }

/** Checks a roster CSV against the schema and the current roster; writes nothing. */
export async function planRosterImport(db: Executor, text: string, locale: Locale): Promise<ImportPlan> {
  return (await analyseRoster(db, text, locale)).plan
}

async function analyseRoster(db: Executor, text: string, locale: Locale): Promise<Analysis> {
  const parsed = parseCsv(text, ROSTER_COLUMNS)
  const failed = (message: string) => ({ plan: emptyPlan(message), changed: [], inFile: new Set<string>() })
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
  let markLeft = 0
  for (const [sellerId, row] of existing) if (!row.left_at && !inFile.has(sellerId)) markLeft++

  const plan = {
    ok: issues.length === 0,
    fileError: null,
    rows: parsed.records.length,
    issues,
    invalidLines: invalidLines.size,
    create,
    update,
    unchanged,
    rejoin,
    markLeft,
    sample: kept.slice(0, 10),
  }
  return { plan, changed, inFile }
}

export type ImportResult = { applied: boolean; plan: ImportPlan }

/**
 * Applies a roster CSV. all_or_nothing: any bad row → nothing is written. valid_rows: the good rows
 * are written, the bad ones reported. Either way, reps absent from the file (not merely invalid) leave.
 */
export async function importRoster(
  db: Database,
  actor: Pick<AuthUser, 'id' | 'email'> | null,
  text: string,
  { mode, locale }: { mode: ImportMode; locale: Locale },
): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    // One import at a time: a second one waits, then plans against the first one's result.
    await sql`select pg_advisory_xact_lock(hashtext('tenfold.roster.import'))`.execute(trx)
    const { plan, changed, inFile } = await analyseRoster(trx, text, locale)
    if (plan.fileError || (mode === 'all_or_nothing' && !plan.ok)) return { applied: false, plan }
    // Unchanged reps are not written at all: re-importing the same file is a no-op, and quick.
    for (let start = 0; start < changed.length; start += BATCH) {
      const batch = changed.slice(start, start + BATCH)
      await upsertRoster(
        trx,
        batch.map((seller) => ({ ...valuesOf(seller), seller_id: seller.seller_id })),
      )
    }
    // Rows that were in the file but invalid keep their current state; only absent reps leave.
    const stillActive = await trx
      .selectFrom('sellers')
      .select(['id', 'seller_id'])
      .where('left_at', 'is', null)
      .execute()
    const leaving = stillActive.filter((row) => !inFile.has(row.seller_id)).map((row) => row.id)
    for (let start = 0; start < leaving.length; start += BATCH) {
      const ids = leaving.slice(start, start + BATCH)
      await markSellersLeft(trx, ids)
      await endStintsOfLeftSellers(trx, ids)
    }
    await audit(trx, {
      actor: actor ? actorOf(actor) : { id: null, label: 'cli:roster-import' },
      action: 'roster.import',
      entityType: 'roster',
      after: {
        mode,
        rows: plan.rows,
        created: plan.create,
        updated: plan.update,
        unchanged: plan.unchanged,
        rejoined: plan.rejoin,
        markedLeft: leaving.length,
        invalidRows: plan.invalidLines,
      },
    })
    return { applied: true, plan: { ...plan, markLeft: leaving.length } }
  })
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
