import type { KpiCadence, KpiKind, KpiRollup } from '~/models/kpi/tables'
import { db } from '~/utils/db.server'
import { addMember, createInitiative, createProgram, createUser } from '#tests/factories'
import { sessionCookieFor } from '#tests/support/requests'

// KPI test data: an initiative led by `lead`, and KPIs inserted directly (the form is tested on its own).

export async function kpiWorld() {
  const [admin, lead, otherLead, viewer, eet] = await Promise.all([
    createUser({ role: 'admin' }),
    createUser({ role: 'lead' }),
    createUser({ role: 'lead' }),
    createUser({ role: 'viewer' }),
    createUser({ role: 'eet_member' }),
  ])
  const program = await createProgram()
  const initiative = await createInitiative({ programId: program.id, leadId: lead.id })
  const other = await createInitiative({ programId: program.id, leadId: otherLead.id })
  await addMember(other.id, eet.id, 'eet')
  const cookies = {
    admin: await sessionCookieFor(admin.id),
    lead: await sessionCookieFor(lead.id),
    otherLead: await sessionCookieFor(otherLead.id),
    viewer: await sessionCookieFor(viewer.id),
    eet: await sessionCookieFor(eet.id),
  }
  return { admin, lead, otherLead, viewer, eet, program, initiative, other, cookies }
}

export async function insertKpi(values: {
  programId: string
  initiativeId?: string | null
  key: string
  kind?: KpiKind
  cadence?: KpiCadence
  rollup?: KpiRollup
  parentId?: string | null
  direction?: 'higher' | 'lower'
  weight?: number
  targets?: { period_end: string; value: number }[]
  unit?: string
  range?: { min: number | null; max: number | null }
}) {
  const kpi = await db
    .insertInto('kpis')
    .values({
      program_id: values.programId,
      initiative_id: values.initiativeId ?? null,
      parent_id: values.parentId ?? null,
      key: values.key,
      name_en: `KPI ${values.key}`,
      name_zh_tw: `指標 ${values.key}`,
      kind: values.kind ?? 'lagging',
      category: 'adoption',
      direction: values.direction ?? 'higher',
      cadence: values.cadence ?? 'monthly',
      rollup: values.rollup ?? 'none',
      rollup_weight: values.weight ?? 1,
      grace_days: 3,
      unit: values.unit ?? '',
      min_value: values.range?.min ?? null,
      max_value: values.range?.max ?? null,
    })
    .returning(['id', 'key', 'program_id', 'cadence', 'rollup', 'unit', 'min_value', 'max_value'])
    .executeTakeFirstOrThrow()
  if (values.targets?.length)
    await db
      .insertInto('kpi_targets')
      .values(values.targets.map((target) => ({ kpi_id: kpi.id, ...target })))
      .execute()
  return kpi
}

export function measurementsOf(kpiId: string) {
  return db
    .selectFrom('kpi_measurements')
    .select(['period_end', 'value', 'note', 'source'])
    .where('kpi_id', '=', kpiId)
    .orderBy('period_end')
    .execute()
}

export function revisionsOf(kpiId: string) {
  return db
    .selectFrom('kpi_measurement_revisions')
    .select(['period_end', 'old_value', 'new_value', 'source', 'changed_by_label'])
    .where('kpi_id', '=', kpiId)
    .orderBy('id')
    .execute()
}
