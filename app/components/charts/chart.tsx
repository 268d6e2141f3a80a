import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js'
import { useEffect, useState } from 'react'
import { Chart as ReactChart } from 'react-chartjs-2'
import { useLocale } from '~/i18n/react'

ChartJS.register(
  BarController,
  BarElement,
  CategoryScale,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
)

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
}

const PALETTE = ['#0f4c5c', '#b3440b', '#1d4e89', '#1b7340', '#7b2cbf', '#8a5a00', '#a4161a', '#4a5a66']

function useMounted() {
  const [mounted, setMounted] = useState(false)
  useEffect(() => setMounted(true), [])
  return mounted
}

export function Chart({
  kind,
  title,
  labels,
  series,
  format = 'number',
  stacked,
  compact = false,
  yMin,
  yMax,
}: ChartProps) {
  const locale = useLocale()
  const mounted = useMounted()
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
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          label: (ctx) =>
            `${ctx.dataset.label}: ${ctx.parsed.y === null ? '—' : formatter.format(ctx.parsed.y)}`,
        },
      },
    },
    scales: {
      x: { stacked, ticks: { maxTicksLimit: 12, autoSkip: true } },
      y: { stacked, min: yMin, max: yMax, ticks: { callback: (value) => formatter.format(Number(value)) } },
    },
  }
  return (
    <figure className={compact ? 'chart chart-compact' : 'chart'}>
      {mounted ? (
        <ReactChart type={kind} data={data} options={options} role="img" aria-label={title}>
          {title}
        </ReactChart>
      ) : null}
      <figcaption className="visually-hidden">{title}</figcaption>
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
    <table className="visually-hidden">
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
  )
}
