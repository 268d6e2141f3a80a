import { Form, Link } from '@remix-run/react'
import { Badge, EmptyState } from '~/components/page'
import { useLocale, useT } from '~/i18n/react'
import { describeAttention } from '~/models/attention/describe'
import { acknowledgeable, type AttentionItem, type Urgency } from '~/models/attention/kinds'

const TONE: Record<Urgency, 'bad' | 'warn' | 'info' | 'neutral'> = {
  overdue: 'bad',
  due: 'warn',
  soon: 'info',
  info: 'neutral',
}

type Item = Omit<AttentionItem, 'since'> & { since: string | Date }

/** What needs the reader now, most urgent first; each with its action one click away. */
export function NeedsYou({ items }: { items: Item[] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="needs-you-title" className="needs-you">
      <h2 id="needs-you-title">
        {t('attention.needsYou.title')} <span className="count-badge">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <EmptyState>{t('attention.needsYou.empty')}</EmptyState>
      ) : (
        <ul className="card-list" aria-label={t('attention.needsYou.title')}>
          {items.map((item) => (
            <li key={`${item.userId} ${item.key}`} className="card">
              <p>
                <Badge tone={TONE[item.urgency]}>{t(`attention.urgency.${item.urgency}`)}</Badge>{' '}
                <Link to={item.link}>{describeAttention(t, locale, item)}</Link>
              </p>
              <p className="muted">
                {item.dueOn ? `${t('attention.needsYou.due', { date: item.dueOn })} · ` : null}
                {t(`attention.until.${item.kind}`)}
              </p>
              {acknowledgeable(item.kind) ? (
                <Form method="post" className="form-actions">
                  <input type="hidden" name="key" value={item.key} />
                  <button type="submit" name="intent" value="seen" className="button-secondary">
                    {t('attention.needsYou.seen')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
