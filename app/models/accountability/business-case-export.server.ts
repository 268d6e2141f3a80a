import { toCsv } from '~/utils/csv.server'
import { benefitAnnualValue } from './business-case-finance'
import type { BusinessCase } from './business-case.server'
import type { Realisation } from './business-case-realisation'

// One table, one row per fact, so the export opens cleanly in a spreadsheet: section, line, item, year, value.
// The realisation rows carry the period's end in `year`'s place (realised_period), and say why a line
// has none (realisation_status); without the initiative's start date there are no realisation rows.
export function caseCsv(businessCase: BusinessCase, realisation: Realisation | null = null) {
  const rows: unknown[][] = []
  const { figures } = businessCase
  rows.push(['summary', '', 'version', '', businessCase.version])
  rows.push(['summary', '', 'status', '', businessCase.status])
  rows.push(['summary', '', 'discount_rate', '', Number(businessCase.discount_rate)])
  rows.push(['summary', '', 'horizon_years', '', businessCase.horizon_years])
  rows.push(['summary', '', 'npv', '', round(figures.npv)])
  rows.push(['summary', '', 'roi', '', figures.roi === null ? '' : round(figures.roi, 4)])
  rows.push(['summary', '', 'payback_month', '', figures.paybackMonth ?? ''])
  rows.push([
    'summary',
    '',
    'irr',
    '',
    figures.irr.defined ? round(figures.irr.rate, 6) : '',
    figures.irr.defined ? '' : `not defined: ${figures.irr.reason.replace(/_/g, ' ')}`,
  ])
  for (const year of figures.years) {
    rows.push(['year', '', 'benefits', year.year, round(year.benefits)])
    rows.push(['year', '', 'costs', year.year, round(year.costs)])
    rows.push(['year', '', 'net', year.year, round(year.net)])
    rows.push(['year', '', 'discounted_net', year.year, round(year.discounted)])
  }
  for (const benefit of businessCase.benefits) {
    rows.push([
      'benefit',
      benefit.name,
      'annual_value',
      benefit.start_year,
      round(benefitAnnualValue(benefit)),
    ])
    for (const assumption of benefit.assumptions)
      rows.push([
        'assumption',
        benefit.name,
        `${assumption.name}${assumption.unit ? ` (${assumption.unit})` : ''}`,
        '',
        assumption.value,
        assumption.source,
      ])
  }
  for (const cost of businessCase.costs) rows.push(['cost', cost.name, cost.kind, cost.year, cost.amount])
  if (realisation) {
    rows.push(['realisation', '', 'planned', '', round(realisation.planned)])
    rows.push(['realisation', '', 'realised', '', round(realisation.realised)])
    rows.push(['realisation', '', 'variance', '', round(realisation.variance)])
    for (const line of realisation.lines) {
      rows.push(['realisation_status', line.name, line.status, '', '', line.assumption?.name ?? ''])
      for (const period of line.periods) {
        rows.push(['realised_period', line.name, 'actual', period.periodEnd, period.actual])
        rows.push(['realised_period', line.name, 'planned', period.periodEnd, round(period.planned)])
        rows.push(['realised_period', line.name, 'realised', period.periodEnd, round(period.realised)])
      }
    }
  }
  return toCsv(['section', 'line', 'item', 'year', 'value', 'source'], rows)
}

function round(value: number, digits = 2) {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
