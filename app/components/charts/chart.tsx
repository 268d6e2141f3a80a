import type { ChartData, ChartOptions } from 'chart.js'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { formatDate } from '~/i18n/format'
import { useLocale } from '~/i18n/react'

// Chart.js loads after the page (its own chunk): the frame keeps its height meanwhile (.chart-canvas),
// and the numbers are in the table below from the server render on, so nothing moves when it draws.
const ChartCanvas = lazy(() => import('./chart-canvas'))

// Charts receive plain numbers prepared on the server: { labels, series }. Chart.js draws on the client
// only; the server (and screen readers) get the same numbers as a table.

export type Series = {
  label: string
  values: (number | null)[]
  /** A reference line (target, benchmark): dashed, no points. */
  dashed?: boolean
  color?: string
  /** Draw this series as bars in a line chart, or as a line in a bar chart. */
  kind?: 'line' | 'bar'
  stack?: string
}

export type ChartProps = {
  kind: 'line' | 'bar'
  title: string
  labels: string[]
  series: Series[]
  /** How the y axis and tooltips show values. */
  format?: 'number' | 'percent' | 'integer'
  stacked?: boolean
  /** A shorter chart (240 px instead of 280): the height is a class, since the CSP allows no style attribute. */
  compact?: boolean
  yMin?: number
  yMax?: number
  /** Axis titles; the y axis defaults to the first series' label. */
  xTitle?: string
  yTitle?: string
  /** false when the page already heads the chart with the same words. */
  titleVisible?: boolean
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

// Okabe & Ito's palette: its colours stay apart for the common colour-vision deficiencies.
export const CHART_COLORS = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  grey: '#7f7f7f',
} as const
const PALETTE = [
  CHART_COLORS.blue,
  CHART_COLORS.orange,
  CHART_COLORS.green,
  CHART_COLORS.vermillion,
  CHART_COLORS.sky,
  CHART_COLORS.purple,
  CHART_COLORS.grey,
  CHART_COLORS.yellow,
]

function useMounted() {
  const [mounted, setMounted] = useState(false)
  useEffect(() => setMounted(true), [])
  return mounted
}

export function Chart({
  kind,
  title,
  series,
  format = 'number',
  stacked,
  compact = false,
  yMin,
  yMax,
  xTitle,
  yTitle,
  titleVisible = true,
  labels: rawLabels,
}: ChartProps) {
  const locale = useLocale()
  const mounted = useMounted()
  // A time axis reads like the tables: ISO days become the locale's medium date.
  const labels = rawLabels.map((label) => (ISO_DATE.test(label) ? formatDate(locale, label) : label))

  // Canvas text cannot read CSS variables: take the figure's resolved text colour (light or dark theme).
  const figure = useRef<HTMLElement>(null)
  const ink = mounted && figure.current ? getComputedStyle(figure.current).color : '#4a5a66'
  const grid = 'rgba(127, 127, 127, 0.25)'
  const axisTitle = (text: string | undefined) =>
    text ? { display: true, text, color: ink, font: { weight: 'bold' as const } } : undefined
  const formatter = new Intl.NumberFormat(
    locale,
    format === 'percent'
      ? { style: 'percent', maximumFractionDigits: 1 }
      : { maximumFractionDigits: format === 'integer' ? 0 : 2 },
  )
  const data: ChartData = {
    labels,
    datasets: series.map((s, index) => {
      const color = s.color ?? PALETTE[index % PALETTE.length]!
      return {
        type: s.kind ?? kind,
        label: s.label,
        data: s.values,
        borderColor: color,
        backgroundColor: (s.kind ?? kind) === 'bar' ? `${color}cc` : color,
        borderDash: s.dashed ? [6, 4] : undefined,
        pointRadius: s.dashed || labels.length > 60 ? 0 : 2,
        borderWidth: 2,
        spanGaps: true,
        stack: s.stack,
      }
    }) as ChartData['datasets'],
  }
  const options: ChartOptions = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    color: ink,
    plugins: {
      legend: { position: 'bottom', labels: { color: ink, usePointStyle: true, boxHeight: 8 } },
      tooltip: {
        callbacks: {
          label: (ctx) =>
            `${ctx.dataset.label}: ${ctx.parsed.y === null ? '—' : formatter.format(ctx.parsed.y)}`,
        },
      },
    },
    scales: {
      x: {
        stacked,
        title: axisTitle(xTitle),
        grid: { color: grid },
        ticks: { color: ink, maxTicksLimit: 12, autoSkip: true },
      },
      y: {
        stacked,
        min: yMin,
        max: yMax,
        title: axisTitle(yTitle ?? series[0]?.label),
        grid: { color: grid },
        ticks: {
          color: ink,
          // Counts get whole-number ticks only (no "3, 3, 2, 2" from rounded fractions).
          ...(format === 'integer' ? { precision: 0 } : {}),
          callback: (value) => formatter.format(Number(value)),
        },
      },
    },
  }
  return (
    <figure className={compact ? 'chart chart-compact' : 'chart'} ref={figure}>
      <figcaption className={titleVisible ? 'chart-title' : 'visually-hidden'}>{title}</figcaption>
      <div className="chart-canvas">
        {mounted ? (
          <Suspense fallback={null}>
            <ChartCanvas kind={kind} data={data} options={options} title={title} />
          </Suspense>
        ) : null}
      </div>
      <ChartTable
        labels={labels}
        series={series}
        format={(v) => (v === null ? '—' : formatter.format(v))}
        title={title}
      />
    </figure>
  )
}

/** The chart's numbers as a table, for screen readers and for the server render. */
function ChartTable({
  labels,
  series,
  format,
  title,
}: {
  labels: string[]
  series: Series[]
  format: (v: number | null) => string
  title: string
}) {
  const rows = labels.length > 400 ? labels.slice(-400) : labels
  const offset = labels.length - rows.length
  return (
    // The frame, not the table, is hidden: a table ignores width and overflow, and would widen the page.
    <div className="visually-hidden">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {series.map((s) => (
              <th scope="col" key={s.label}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((label, index) => (
            <tr key={`${label}-${index}`}>
              <th scope="row">{label}</th>
              {series.map((s) => (
                <td key={s.label}>{format(s.values[index + offset] ?? null)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
