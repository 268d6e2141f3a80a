import { sql } from 'kysely'
import { z } from 'zod'
import type { Database, Executor } from '~/utils/db.server'
import { audit, type Actor } from '../foundation/audit.server'
import { reportingProgram } from '../foundation/reporting-program.server'
import { dayStartSql } from './funnel.server'
import { MIN_REPS, type Privacy } from './privacy.server'
import { readyToRead } from './projection.server'
import type { TrainingReportSchema } from './labelled.schema'

// The labelled data for retraining: every decided recommendation (its latest decision accepted or
// rejected) generated in [from, to), with its outcome and its features, oldest first. Each export has
// an id (labelled_exports) and the tool reports which model version it trained on which export
// (model_trainings). Rep data: the rep's id only with full privacy; without it, team and manager are
// left out and region × segment × tech affinity only where that combination holds ≥ MIN_REPS reps
// among the export's rows (otherwise blanked and `seller_attributes_suppressed`).

export type LabelledRow = {
  recommendation_id: string
  generated_at: Date
  recommendation_type: string | null
  model_version: string | null
  explanation_shown: boolean
  explanation: string | null
  account_id: string | null
  decision: 'accepted' | 'rejected'
  decided_at: Date | null
  reason_code: string | null
  reason_text: string | null
  actioned: boolean
  opportunity: boolean
  won: boolean
  seller_id: string | null
  region: string | null
  segment: string | null
  tech_affinity: string | null
  team: string | null
  manager_id: string | null
  seller_attributes_suppressed: boolean
}

/** The opaque page cursor: the export and the last row of the previous page. */
const CursorSchema = z.object({ e: z.uuid(), at: z.string(), id: z.string() })
export type LabelledCursor = z.output<typeof CursorSchema>

export function encodeCursor(cursor: LabelledCursor) {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}
export function decodeCursor(text: string): LabelledCursor | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

type Range = { from: string; to: string }

async function readRows(
  db: Executor,
  range: Range,
  timezone: string,
  page: { after: { at: string; id: string } | null; limit: number | null },
) {
  const from = dayStartSql(range.from, timezone)
  const to = dayStartSql(range.to, timezone)
  const after = page.after
    ? sql`and (d.generated_at, d.recommendation_id) > (${page.after.at}::timestamptz, ${page.after.id})`
    : sql``
  const limit = page.limit === null ? sql`` : sql`limit ${page.limit}`
  const rows = await sql<Omit<LabelledRow, 'seller_attributes_suppressed'> & { reps: number }>`
    with decided as (
      select s.*, r.region, r.segment, r.tech_affinity, r.team, r.manager_id
      from recommendation_states s left join sellers r on r.seller_id = s.seller_id
      where s.decision is not null and s.generated_at >= ${from} and s.generated_at < ${to}
    ), groups as (
      select region, segment, tech_affinity, count(distinct seller_id)::int as reps
      from decided group by 1, 2, 3
    )
    select d.recommendation_id, d.generated_at, d.recommendation_type, d.model_version,
      d.has_explanation as explanation_shown, g.explanation,
      -- The account is the recommendation's (its generated event); a decision event may leave it out.
      coalesce(g.account_id, e.account_id) as account_id, d.decision, d.decision_at as decided_at,
      case when d.decision = 'rejected' then e.reason_code end as reason_code,
      case when d.decision = 'rejected' then e.reason_text end as reason_text,
      d.actioned, d.opportunity, d.won, d.seller_id, d.region, d.segment, d.tech_affinity::text as tech_affinity,
      d.team, d.manager_id, k.reps
    from decided d
    join groups k on k.region is not distinct from d.region and k.segment is not distinct from d.segment
      and k.tech_affinity is not distinct from d.tech_affinity
    left join recommendation_events g on g.event_id = d.generated_event_id
    left join recommendation_events e on e.event_id = d.decision_event_id
    where true ${after}
    order by d.generated_at, d.recommendation_id
    ${limit}`.execute(db)
  return rows.rows
}

function withPrivacy(
  row: Omit<LabelledRow, 'seller_attributes_suppressed'> & { reps: number },
  privacy: Privacy,
) {
  const { reps, ...labelled } = row
  if (privacy === 'full') return { ...labelled, seller_attributes_suppressed: false }
  const small = reps < MIN_REPS
  return {
    ...labelled,
    seller_id: null,
    team: null,
    manager_id: null,
    region: small ? null : labelled.region,
    segment: small ? null : labelled.segment,
    tech_affinity: small ? null : labelled.tech_affinity,
    seller_attributes_suppressed: small,
  }
}

async function countDecided(db: Executor, range: Range, timezone: string) {
  const row = await sql<{ rows: number }>`
    select count(*)::int as rows from recommendation_states s
    where s.decision is not null and s.generated_at >= ${dayStartSql(range.from, timezone)}
      and s.generated_at < ${dayStartSql(range.to, timezone)}`.execute(db)
  return row.rows[0]?.rows ?? 0
}

async function recordExport(
  db: Database,
  actor: Actor,
  input: Range & { rows: number; channel: 'api' | 'csv'; apiKeyId?: string; userId?: string },
) {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('labelled_exports')
      .values({
        range_from: input.from,
        range_to: input.to,
        rows: input.rows,
        channel: input.channel,
        api_key_id: input.apiKeyId ?? null,
        user_id: input.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, {
      actor,
      action: 'labelled-export.create',
      entityType: 'labelled_export',
      entityId: id,
      after: { from: input.from, to: input.to, rows: input.rows, channel: input.channel },
    })
    return id
  })
}

/**
 * One page of an export. Without a cursor a new export is recorded (its id, range and row count); a
 * cursor continues that export. Pages read the recommendations' current states.
 */
export async function labelledPage(
  db: Database,
  actor: Actor,
  query: Range & { cursor: LabelledCursor | null; limit: number; apiKeyId: string },
  privacy: Privacy,
) {
  const { timezone } = await reportingProgram(db)
  await readyToRead(db, timezone, {})
  let exportId = query.cursor?.e ?? null
  let rows: number
  if (exportId) {
    const known = await db
      .selectFrom('labelled_exports')
      .select(['rows', 'range_from', 'range_to'])
      .where('id', '=', exportId)
      .executeTakeFirst()
    // A cursor belongs to one export and its range: another range is a mistake, not a new export.
    if (!known || known.range_from !== query.from || known.range_to !== query.to) return null
    rows = known.rows
  } else {
    rows = await countDecided(db, query, timezone)
    exportId = await recordExport(db, actor, { ...query, rows, channel: 'api', apiKeyId: query.apiKeyId })
  }
  const found = await readRows(db, query, timezone, {
    after: query.cursor ? { at: query.cursor.at, id: query.cursor.id } : null,
    limit: query.limit + 1,
  })
  const page = found.slice(0, query.limit)
  const last = page.at(-1)
  return {
    export_id: exportId,
    from: query.from,
    to: query.to,
    timezone,
    rows,
    items: page.map((row) => withPrivacy(row, privacy)),
    next_cursor:
      found.length > query.limit && last
        ? encodeCursor({
            e: exportId,
            at: new Date(last.generated_at).toISOString(),
            id: last.recommendation_id,
          })
        : null,
  }
}

/** The whole export at once (the CSV download), recorded like an API export. */
export async function labelledExport(
  db: Database,
  actor: Actor,
  range: Range & { userId: string },
  privacy: Privacy,
) {
  const { timezone } = await reportingProgram(db)
  await readyToRead(db, timezone, {})
  const rows = (await readRows(db, range, timezone, { after: null, limit: null })).map((row) =>
    withPrivacy(row, privacy),
  )
  const exportId = await recordExport(db, actor, {
    ...range,
    rows: rows.length,
    channel: 'csv',
    userId: range.userId,
  })
  return { exportId, rows }
}

/** The tool reports "model version X was trained on export Y" (idempotent: a repeat changes nothing). */
export async function reportTraining(
  db: Database,
  actor: Actor,
  input: z.output<typeof TrainingReportSchema> & { apiKeyId: string },
) {
  return db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('labelled_exports')
      .select('id')
      .where('id', '=', input.export_id)
      .executeTakeFirst()
    if (!known) return { status: 'unknown_export' as const }
    const inserted = await trx
      .insertInto('model_trainings')
      .values({ model_version: input.model_version, export_id: input.export_id, api_key_id: input.apiKeyId })
      .onConflict((oc) => oc.columns(['model_version', 'export_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return { status: 'duplicate' as const }
    await audit(trx, {
      actor,
      action: 'model-training.report',
      entityType: 'model_training',
      entityId: inserted.id,
      after: { model_version: input.model_version, export_id: input.export_id },
    })
    return { status: 'recorded' as const }
  })
}

/** Which export fed which model version, newest report first (the evidence page). */
export function listModelTrainings(db: Executor) {
  return db
    .selectFrom('model_trainings as t')
    .innerJoin('labelled_exports as e', 'e.id', 't.export_id')
    .select([
      't.model_version',
      't.export_id',
      't.reported_at',
      'e.range_from',
      'e.range_to',
      'e.rows',
      'e.created_at as exported_at',
    ])
    .orderBy('t.reported_at', 'desc')
    .limit(50)
    .execute()
}
