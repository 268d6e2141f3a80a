import type { Locale } from '~/i18n/locales'
import type { MessageKey, Translate } from '~/i18n/translate'
import type { AttentionItem } from './kinds'

// One sentence per item or notification in the reader's language (the page, the email and the chat
// message say the same thing). Codes in the variables are shown by their labels.

const label = (t: Translate, prefix: string, code: string | number | undefined) =>
  code === undefined ? '' : t(`${prefix}${code}` as MessageKey)

export function describeAttention(t: Translate, locale: Locale, item: Pick<AttentionItem, 'kind' | 'vars'>) {
  const v = item.vars
  const status =
    item.kind === 'feedback.status'
      ? label(t, 'eet.status.', v.status)
      : item.kind === 'case.decided' || item.kind === 'gate.decided'
        ? label(t, 'accountability.caseStatus.', v.status)
        : v.status
  return t(`attention.kind.${item.kind}`, {
    ...v,
    ...(status === undefined ? {} : { status }),
    ...(v.from !== undefined ? { from: label(t, 'stage.', v.from), to: label(t, 'stage.', v.to) } : {}),
    ...(v.phase !== undefined ? { phase: label(t, 'delivery.phase.', v.phase) } : {}),
    ...(v.mode !== undefined ? { mode: label(t, 'sponsor.mode.', v.mode) } : {}),
    ...(v.kpi_en !== undefined ? { kpi: String(locale === 'zh-TW' ? v.kpi_zh || v.kpi_en : v.kpi_en) } : {}),
  })
}

type Notice = { kind: string; payload: Record<string, unknown> }

/** A notification of the history, in the reader's language. */
export function describeNotice(t: Translate, locale: Locale, notice: Notice) {
  const p = notice.payload
  const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '')
  if (notice.kind === 'feedback.merged')
    return t('attention.notice.feedbackMerged', { title: text('title'), target: text('target') })
  if (notice.kind === 'feedback.status') {
    const line = describeAttention(t, locale, {
      kind: 'feedback.status',
      vars: { title: text('title'), initiative: text('initiative'), status: text('status') },
    })
    return text('reason') ? `${line} ${t('attention.notice.reason', { reason: text('reason') })}` : line
  }
  const vars = (p.vars ?? {}) as AttentionItem['vars']
  if (notice.kind.startsWith('attention.'))
    return describeAttention(t, locale, { kind: notice.kind.slice(10) as AttentionItem['kind'], vars })
  return t('attention.notice.generic', { kind: notice.kind })
}
