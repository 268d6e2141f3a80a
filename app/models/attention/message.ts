import type { Locale } from '~/i18n/locales'
import { translator } from '~/i18n/translate'
import { describeAttention } from './describe'
import type { AttentionItem } from './kinds'

// What an item says outside the portal: an email (subject, text, HTML) in the recipient's language with
// dates in the program's zone, and chat messages (a Teams Adaptive Card, Slack Block Kit).

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

export type EmailInput = {
  locale: Locale
  item: Pick<AttentionItem, 'kind' | 'vars'>
  url: string
  unsubscribeUrl: string
  zone: string
  at: Date
  /** A line before the item's sentence (a reminder's stage). */
  prefix?: string
}

export function formatInZone(locale: Locale, zone: string, at: Date) {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(
    at,
  )
}

export function renderEmail({ locale, item, url, unsubscribeUrl, zone, at, prefix }: EmailInput) {
  const t = translator(locale)
  const described = describeAttention(t, locale, item)
  const sentence = prefix ? `${prefix} ${described}` : described
  const until = t(`attention.until.${item.kind}`)
  const kindLabel = t(`attention.kindLabel.${item.kind}`)
  const footer = t('attention.mail.footer', { date: formatInZone(locale, zone, at), zone })
  const unsubscribe = t('attention.mail.unsubscribe', { kind: kindLabel })
  const open = t('attention.mail.open')
  return {
    subject: `[Tenfold] ${sentence}`,
    text: [sentence, until, '', `${open}: ${url}`, '', footer, `${unsubscribe}: ${unsubscribeUrl}`].join(
      '\n',
    ),
    html: [
      `<!doctype html><html lang="${locale}"><body>`,
      `<p>${escapeHtml(sentence)}</p>`,
      `<p>${escapeHtml(until)}</p>`,
      `<p><a href="${escapeHtml(url)}">${escapeHtml(open)}</a></p>`,
      `<hr><p><small>${escapeHtml(footer)}<br><a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(unsubscribe)}</a></small></p>`,
      '</body></html>',
    ].join(''),
  }
}

export type DigestInput = {
  locale: Locale
  frequency: 'daily' | 'weekly'
  items: readonly Pick<AttentionItem, 'kind' | 'vars' | 'link' | 'urgency'>[]
  /** The sponsor's brief: others' items ignored after reminders. */
  escalated?: readonly {
    person: string
    reminders: number
    item: Pick<AttentionItem, 'kind' | 'vars' | 'link'>
  }[]
  origin: string
  zone: string
  at: Date
}

/** A digest (or a sponsor's weekly brief): every item that needs the person, most urgent first. */
export function renderDigest({ locale, frequency, items, escalated = [], origin, zone, at }: DigestInput) {
  const t = translator(locale)
  const subject = escalated.length
    ? t('attention.digest.brief', { count: items.length, escalated: escalated.length })
    : t(`attention.digest.${frequency}`, { count: items.length })
  const line = (item: DigestInput['items'][number]) => ({
    text: `${t(`attention.urgency.${item.urgency}`)} · ${describeAttention(t, locale, item)}`,
    url: `${origin}${item.link}`,
  })
  const yours = items.map(line)
  const ignored = escalated.map((entry) => ({
    text: t('attention.digest.escalatedLine', {
      person: entry.person,
      item: describeAttention(t, locale, entry.item),
      reminders: entry.reminders,
    }),
    url: `${origin}${entry.item.link}`,
  }))
  const footer = t('attention.mail.footer', { date: formatInZone(locale, zone, at), zone })
  const settings = `${t('attention.digest.settings')}: ${origin}/notifications`
  const section = (title: string, lines: { text: string; url: string }[]) =>
    lines.length ? [title, ...lines.map((l) => `- ${l.text}\n  ${l.url}`), ''] : []
  const htmlSection = (title: string, lines: { text: string; url: string }[]) =>
    lines.length
      ? `<h2>${escapeHtml(title)}</h2><ul>${lines
          .map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a></li>`)
          .join('')}</ul>`
      : ''
  return {
    subject,
    text: [
      ...section(t('attention.digest.yours'), yours),
      ...section(t('attention.digest.escalated'), ignored),
      footer,
      settings,
    ].join('\n'),
    html: [
      `<!doctype html><html lang="${locale}"><body>`,
      htmlSection(t('attention.digest.yours'), yours),
      htmlSection(t('attention.digest.escalated'), ignored),
      `<hr><p><small>${escapeHtml(footer)}<br><a href="${escapeHtml(`${origin}/notifications`)}">${escapeHtml(t('attention.digest.settings'))}</a></small></p>`,
      '</body></html>',
    ].join(''),
  }
}

/** A program-wide chat line in both languages (a channel's readers have no one language). */
export function chatText(item: Pick<AttentionItem, 'kind' | 'vars'>) {
  return (['en', 'zh-TW'] as const)
    .map((locale) => describeAttention(translator(locale), locale, item))
    .join('\n')
}

export function teamsCard(text: string, url: string) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [{ type: 'TextBlock', text, wrap: true }],
          actions: [{ type: 'Action.OpenUrl', title: 'Tenfold', url }],
        },
      },
    ],
  }
}

export function slackBlocks(text: string, url: string) {
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Tenfold' }, url }],
      },
    ],
  }
}
