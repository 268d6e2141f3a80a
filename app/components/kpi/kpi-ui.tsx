import { Link } from '@remix-run/react'
import { Badge } from '~/components/page'
import { useFormat, useLocale, useT } from '~/i18n/react'
import type { DriverVerdict } from '~/models/kpi/driver'
import { statusTone, type KpiStatus } from '~/models/kpi/status'

// Small pieces of the KPI pages: status badge, localized name, value with unit, sparkline, tree.

export function KpiStatusBadge({ status }: { status: KpiStatus }) {
  const t = useT()
  return <Badge tone={statusTone(status)}>{t(`kpi.status.${status}`)}</Badge>
}

export function VerdictBadge({ verdict }: { verdict: DriverVerdict }) {
  const t = useT()
  const tone =
    verdict === 'supported'
      ? 'good'
      : verdict === 'contradicted'
        ? 'bad'
        : verdict === 'trend_driven'
          ? 'warn'
          : 'neutral'
  return <Badge tone={tone}>{t(`kpi.verdict.${verdict}`)}</Badge>
}

export function useKpiName() {
  const locale = useLocale()
  return (kpi: { name_en: string; name_zh_tw: string }) => (locale === 'zh-TW' ? kpi.name_zh_tw : kpi.name_en)
}

export function KpiValue({ value, unit }: { value: number | null | undefined; unit?: string }) {
  const format = useFormat()
  if (value === null || value === undefined) return <span className="kpi-value">—</span>
  return (
    <span className="kpi-value">
      {format.number(value, { maximumFractionDigits: 2 })}
      {unit ? ` ${unit}` : ''}
    </span>
  )
}

/** A tiny SVG line of the newest values; decorative (the value and status carry the meaning). */
export function Sparkline({ values }: { values: readonly number[] }) {
  if (values.length < 2) return <span className="sparkline" aria-hidden="true" />
  const min = Math.min(...values)
  const max = Math.max(...values)
  const span = max - min || 1
  const points = values
    .map(
      (value, index) =>
        `${((index / (values.length - 1)) * 100).toFixed(1)},${(28 - ((value - min) / span) * 26).toFixed(1)}`,
    )
    .join(' ')
  return (
    <svg
      className="sparkline"
      viewBox="0 0 100 30"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <polyline points={points} />
    </svg>
  )
}

export type TreeNode = {
  id: string
  key: string
  name_en: string
  name_zh_tw: string
  kind: 'leading' | 'lagging'
  unit: string
  rollup: string
  status: KpiStatus
  latest: { period_end: string; value: number } | null
  sparkline: number[]
  children: TreeNode[]
}

export function KpiTree({ nodes, label }: { nodes: readonly TreeNode[]; label: string }) {
  return (
    <ul className="kpi-tree" aria-label={label}>
      {nodes.map((node) => (
        <KpiTreeItem key={node.id} node={node} />
      ))}
    </ul>
  )
}

function KpiTreeItem({ node }: { node: TreeNode }) {
  const t = useT()
  const format = useFormat()
  const name = useKpiName()
  return (
    <li>
      <div className={`kpi-node kpi-status-${node.status}`}>
        <span>
          <Link to={`/kpis/${node.id}`}>{name(node)}</Link>
          <span className="kpi-node-meta">
            {t(`kpi.kind.${node.kind}`)} · <code>{node.key}</code>
            {node.rollup !== 'none' ? ` · ${t(`kpi.rollup.${node.rollup}` as 'kpi.rollup.sum')}` : ''}
          </span>
        </span>
        <span>
          <KpiValue value={node.latest?.value} unit={node.unit} />
          <span className="kpi-node-meta">{node.latest ? format.date(node.latest.period_end) : ''}</span>
        </span>
        <KpiStatusBadge status={node.status} />
        <Sparkline values={node.sparkline} />
      </div>
      {node.children.length ? (
        <ul>
          {node.children.map((child) => (
            <KpiTreeItem key={child.id} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  )
}
