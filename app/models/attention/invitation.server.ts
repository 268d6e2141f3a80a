import { createHash } from 'node:crypto'
import type { AuthUser } from '~/auth/session.server'
import { DEFAULT_LOCALE, isLocale, type Locale } from '~/i18n/locales'
import { translator } from '~/i18n/translate'
import type { Database } from '~/utils/db.server'
import { actorOf, audit } from '../foundation/audit.server'
import { enqueue } from './outbox.server'

// An invitation by email: the set-password link an admin was just given (a new account, or a new
// link for an existing one), queued in the outbox for the worker to send. The link stays on the
// admin's screen as well, for installs without mail. Keyed by the link, so one link is mailed once.

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

export async function mailInvitation(
  db: Database,
  admin: AuthUser,
  invitee: { id: string; email: string; name: string; locale?: string | null },
  link: string,
  fallbackLocale: Locale = DEFAULT_LOCALE,
) {
  const locale = isLocale(invitee.locale) ? invitee.locale : fallbackLocale
  const t = translator(locale)
  const intro = t('attention.invite.body', { name: invitee.name, admin: admin.name })
  const valid = t('attention.invite.valid')
  await db.transaction().execute(async (trx) => {
    const added = await enqueue(trx, [
      {
        key: `invite:${createHash('sha256').update(link).digest('hex').slice(0, 32)}:email:${invitee.id}`,
        channel: 'email',
        kind: 'invitation',
        userId: invitee.id,
        address: invitee.email,
        subject: `[Tenfold] ${t('attention.invite.subject')}`,
        text: [intro, '', link, '', valid].join('\n'),
        html: `<!doctype html><html lang="${locale}"><body><p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t('attention.invite.action'))}</a></p><p>${escapeHtml(valid)}</p></body></html>`,
      },
    ])
    if (added)
      await audit(trx, {
        actor: actorOf(admin),
        action: 'user.invitation-mailed',
        entityType: 'user',
        entityId: invitee.id,
        after: { email: invitee.email },
      })
  })
}
