import type { AuthUser } from '~/auth/session.server'
import { toCsv } from '~/utils/csv.server'
import type { Executor } from '~/utils/db.server'
import { pendingDecisions } from '../accountability/business-case.server'
import { todayIn } from '~/utils/calendar'
import { FAILURE_MODES } from './health-config'
import { KPI_STATUSES } from '../kpi/status'
import { periodReport } from './period-report.server'
import type { Period, PortfolioQuery } from './portfolio.schema'
import { matchPortfolio, portfolioOf, portfolioView, sortPortfolio } from './portfolio.server'

// Every table of the sponsor's pages as CSV (UTF-8 with BOM, via toCsv). Headers are stable snake_case
// column names; codes (stage, band, status) stay codes so that sheets can filter on them.

export const EXPORT_TABLES = [
  'portfolio',
  'health-inputs',
  'approvals',
  'report-kpis',
  'report-gates',
  'report-sprints',
  'report-feedback',
  'report-realisation',
] as const
export type ExportTable = (typeof EXPORT_TABLES)[number]

type Program = { id: string; reporting_timezone: string }
const round = (value: number | null, digits = 4) => (value === null ? null : Number(value.toFixed(digits)))

async function portfolioRows(db: Executor, user: AuthUser, program: Program, query: PortfolioQuery) {
  const rows = await portfolioOf(db, user, program, {
    stage: query.stage,
    band: query.band,
    mode: query.mode,
    mine: query.mine === 'on',
  })
  return sortPortfolio(matchPortfolio(rows, query.q), query.sort, query.dir)
}

export async function exportCsv(
  db: Executor,
  user: AuthUser,
  program: Program,
  table: ExportTable,
  options: { query: PortfolioQuery; period: Period; initiativeId?: string },
): Promise<{ filename: string; csv: string }> {
  const today = todayIn(program.reporting_timezone)
  switch (table) {
    case 'portfolio': {
      const rows = (await portfolioRows(db, user, program, options.query)).map(portfolioView)
      const header = [
        'initiative',
        'stage',
        'status',
        'lead',
        'phase',
        'phase_used',
        'phase_budget',
        'phase_unit',
        'phase_level',
        ...FAILURE_MODES.flatMap((mode) => [`${mode}_score`, `${mode}_band`, `${mode}_inputs_used`]),
        ...KPI_STATUSES.map((status) => `kpis_${status}`),
        'case_version',
        'case_total_benefits',
        'case_npv',
        'case_value_realised',
        'case_irr',
        'case_planned_money',
        'case_realised_money',
        'checklist_met',
        'checklist_items',
      ]
      const body = rows.map((row) => [
        row.name,
        row.stage,
        row.status,
        row.leadName,
        row.phase?.phase,
        row.phase?.used,
        row.phase?.budget,
        row.phase?.unit,
        row.phase?.level,
        ...FAILURE_MODES.flatMap((mode) => [
          row.health[mode].score,
          row.health[mode].band,
          row.health[mode].inputsUsed,
        ]),
        ...KPI_STATUSES.map((status) => row.kpiCounts[status]),
        row.businessCase?.version,
        row.businessCase?.totalBenefits,
        row.businessCase?.npv,
        round(row.businessCase?.realised ?? null),
        row.businessCase?.irr?.defined ? round(row.businessCase.irr.rate, 6) : null,
        round(row.businessCase?.plannedMoney ?? null, 2),
        round(row.businessCase?.realisedMoney ?? null, 2),
        row.checklist.met,
        row.checklist.total,
      ])
      return { filename: `portfolio-${today}.csv`, csv: toCsv(header, body) }
    }
    case 'health-inputs': {
      const rows = await portfolioRows(db, user, program, options.query)
      const header = [
        'initiative',
        'failure_mode',
        'input',
        'value',
        'input_score',
        'share',
        'weight',
        'good',
        'bad',
      ]
      const body = rows.flatMap((row) =>
        FAILURE_MODES.flatMap((mode) =>
          row.health[mode].inputs.map((input) => [
            row.name,
            mode,
            input.key,
            round(input.value),
            input.score,
            round(input.share),
            input.rule.weight,
            input.rule.good,
            input.rule.bad,
          ]),
        ),
      )
      return { filename: `health-inputs-${today}.csv`, csv: toCsv(header, body) }
    }
    case 'approvals': {
      const { cases, gates } = await pendingDecisions(db, user)
      const header = ['kind', 'initiative', 'detail', 'since']
      const body = [
        ...cases.map((c) => ['business_case', c.initiative_name, `v${c.version}`, c.submitted_at]),
        ...gates.map((g) => [
          'stage_gate',
          g.initiative_name,
          `${g.from_stage}->${g.to_stage}`,
          g.requested_at,
        ]),
      ]
      return { filename: `approvals-${today}.csv`, csv: toCsv(header, body) }
    }
    default: {
      const report = await periodReport(db, user, program, options.period, options.initiativeId)
      const name = `${table}-${options.period.key}.csv`
      if (table === 'report-kpis') {
        return {
          filename: name,
          csv: toCsv(
            [
              'kpi_key',
              'kpi_en',
              'kpi_zh_tw',
              'kind',
              'initiative',
              'status_before',
              'status_end',
              'latest_value',
            ],
            report.kpiChanges.map((k) => [
              k.key,
              k.name_en,
              k.name_zh_tw,
              k.kind,
              k.initiative_name,
              k.from,
              k.to,
              k.value,
            ]),
          ),
        }
      }
      if (table === 'report-realisation') {
        return {
          filename: name,
          csv: toCsv(
            [
              'initiative',
              'benefit_line',
              'assumption',
              'measured_periods',
              'planned',
              'realised',
              'variance',
            ],
            report.realisation.map((r) => [
              r.initiative_name,
              r.line,
              r.assumption,
              r.periods,
              round(r.planned, 2),
              round(r.realised, 2),
              round(r.variance, 2),
            ]),
          ),
        }
      }
      if (table === 'report-gates') {
        return {
          filename: name,
          csv: toCsv(
            ['initiative', 'from_stage', 'to_stage', 'decision_date'],
            report.gates.map((g) => [g.initiative_name, g.from_stage, g.to_stage, g.decision_date]),
          ),
        }
      }
      if (table === 'report-sprints') {
        return {
          filename: name,
          csv: toCsv(
            [
              'initiative',
              'sprint',
              'end_date',
              'committed',
              'completed',
              'slipped',
              'added',
              'predictability',
            ],
            report.sprints.map((s) => [
              s.initiative_name,
              s.number,
              s.end_date,
              s.committed,
              s.completed,
              s.slipped,
              s.added,
              round(s.predictability),
            ]),
          ),
        }
      }
      return {
        filename: name,
        csv: toCsv(
          ['initiative', 'shipped', 'declined'],
          report.feedback.map((f) => [f.initiative_name, f.shipped, f.declined]),
        ),
      }
    }
  }
}
