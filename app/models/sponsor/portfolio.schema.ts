import { z } from 'zod'
import { endOfMonth, startOfMonthAfter } from '~/utils/calendar'
import { STAGES } from '../foundation/initiative.schema'

// Query strings of the sponsor's pages (browser and server). Bad values fall back to "no filter".

export const PORTFOLIO_SORTS = ['worst', 'name', 'stage', 'progress', 'adoption', 'sustainment'] as const
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number]

export const PortfolioQuerySchema = z.object({
  program: z.uuid().optional().catch(undefined),
  stage: z.enum(STAGES).optional().catch(undefined),
  band: z.enum(['red', 'amber', 'green']).optional().catch(undefined),
  mode: z.enum(['progress', 'adoption', 'sustainment']).optional().catch(undefined),
  sort: z.enum(PORTFOLIO_SORTS).catch('worst').default('worst'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  /** Free text: a substring of the initiative's or its lead's name. */
  q: z.string().trim().max(200).catch('').default(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  mine: z.literal('on').optional().catch(undefined),
})
export type PortfolioQuery = z.output<typeof PortfolioQuerySchema>

/** A reporting period: a month 'YYYY-MM' or a quarter 'YYYY-Qn', as [from, to] dates inclusive. */
export type Period = { key: string; kind: 'month' | 'quarter'; from: string; to: string }

export function parsePeriod(value: string | null | undefined): Period | null {
  const text = (value ?? '').trim()
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text)
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(text)
  if (!month && !quarter) return null
  const year = Number((month ?? quarter)![1])
  const firstMonth = month ? Number(month[2]) : (Number(quarter![2]) - 1) * 3 + 1
  const months = month ? 1 : 3
  const from = `${(month ?? quarter)![1]}-${String(firstMonth).padStart(2, '0')}-01`
  return {
    key: month ? text : `${year}-Q${quarter![2]}`,
    kind: month ? 'month' : 'quarter',
    from,
    to: endOfMonth(startOfMonthAfter(from, months - 1)),
  }
}

/** The month before the one containing `today`: the period a report is usually wanted for. */
export function previousMonth(today: string) {
  return startOfMonthAfter(today, -1).slice(0, 7)
}

export const ReportQuerySchema = z.object({
  period: z.string().max(10).optional(),
  initiative: z.uuid().optional().catch(undefined),
  program: z.uuid().optional().catch(undefined),
  lang: z.enum(['en', 'zh-TW']).optional().catch(undefined),
})
