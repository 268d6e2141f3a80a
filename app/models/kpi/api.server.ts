import { apiActor, type ApiKeyPrincipal } from '~/models/foundation/api-key.server'
import { translate } from '~/i18n/translate'
import type { Database } from '~/utils/db.server'
import { API_MAX_ITEMS } from './api.schema'
import { ApiMeasurementSchema } from './kpi.schema'
import { checkItem, recordMeasurements, type ItemError, type MeasurementItem } from './measurement.server'
import { itemErrorMessage } from './import.server'

// POST /api/v1/kpis/{key}/measurements (docs/api.md). An API key is not a user: with the
// measurements:write scope it may write any KPI that is measured directly.

export { API_MAX_ITEMS }

export type ApiItemResult =
  | { index: number; status: 'created' | 'updated' | 'unchanged'; period_end: string }
  | { index: number; status: 'error'; error: { code: ItemError['code']; message: string } }

export type ResolveResult =
  | {
      ok: true
      kpi: {
        id: string
        key: string
        program_id: string
        cadence: 'daily' | 'weekly' | 'monthly'
        rollup: 'none' | 'sum' | 'average' | 'weighted_average' | 'min' | 'max'
        unit: string
        min_value: number | null
        max_value: number | null
      }
    }
  | { ok: false; status: 404 | 409; code: string; message: string; programs?: string[] }

/** The KPI a key names: its program is the key's program, or `programId` when the key exists in several. */
export async function resolveKpiKey(
  db: Database,
  key: string,
  programId: string | null,
): Promise<ResolveResult> {
  let query = db
    .selectFrom('kpis')
    .select(['id', 'key', 'program_id', 'cadence', 'rollup', 'unit', 'min_value', 'max_value'])
    .where('key', '=', key)
    .where('archived_at', 'is', null)
  if (programId) query = query.where('program_id', '=', programId)
  const matches = await query.execute()
  if (matches.length === 1) return { ok: true, kpi: matches[0]! }
  if (!matches.length)
    return {
      ok: false,
      status: 404,
      code: 'not_found',
      message: `No KPI with the key "${key}"${programId ? ' in this program' : ''}.`,
    }
  return {
    ok: false,
    status: 409,
    code: 'ambiguous_key',
    message: `The key "${key}" exists in several programs; add ?program=<program id>.`,
    programs: matches.map((kpi) => kpi.program_id),
  }
}

/** Checks every item, writes the valid ones (all or none when `atomic`), and reports per item. */
export async function writeApiMeasurements(
  db: Database,
  principal: ApiKeyPrincipal,
  kpi: Extract<ResolveResult, { ok: true }>['kpi'],
  body: unknown[],
  atomic: boolean,
) {
  const seen = new Map<string, number>()
  const results: (ApiItemResult | null)[] = []
  const valid: { index: number; item: MeasurementItem }[] = []
  const fail = (index: number, error: ItemError): ApiItemResult => ({
    index,
    status: 'error',
    error: {
      code: error.code,
      message: itemErrorMessage('en', error).replace(/ \(first at (\d+)\)/, ' (first at index $1)'),
    },
  })
  body.forEach((raw, index) => {
    const parsed = ApiMeasurementSchema.safeParse(raw)
    if (!parsed.success) {
      results.push({
        index,
        status: 'error',
        error: { code: 'badItem', message: translate('en', 'kpi.import.error.badItem') },
      })
      return
    }
    const checked = checkItem({ ...kpi }, parsed.data, seen, index)
    if (!checked.ok) {
      results.push(fail(index, checked.error))
      return
    }
    results.push(null)
    valid.push({ index, item: checked.item })
  })
  const errors = results.filter((result) => result !== null).length
  const write = valid.length > 0 && !(atomic && errors > 0)
  const outcomes = write
    ? await recordMeasurements(
        db,
        { actor: apiActor(principal), userId: null, apiKeyId: principal.id, source: 'api' },
        valid.map((entry) => entry.item),
      )
    : []
  valid.forEach((entry, position) => {
    results[entry.index] = write
      ? { index: entry.index, status: outcomes[position]!, period_end: entry.item.period_end }
      : {
          index: entry.index,
          status: 'error',
          error: {
            code: 'badItem',
            message: 'Not written: another item is invalid and the request is atomic.',
          },
        }
  })
  const final = results as ApiItemResult[]
  const counts = { created: 0, updated: 0, unchanged: 0, error: 0 }
  for (const result of final) counts[result.status]++
  return { written: write, results: final, counts }
}
