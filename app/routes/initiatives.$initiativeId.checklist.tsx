import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { AttestationForm } from '~/components/accountability/attestation-form'
import { INITIATIVE_TABS } from '~/components/foundation/initiative-tabs'
import { Badge } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import type { MessageKey } from '~/i18n/translate'
import { AttestationSchema } from '~/models/accountability/checklist.schema'
import { attest, evaluateChecklist, type ChecklistItem } from '~/models/accountability/checklist.server'
import { requireEditableInitiative, requireInitiative } from '~/models/foundation/initiative-guard.server'
import styles from '~/styles/accountability.css?url'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { redirectWithToast } from '~/utils/toast.server'
import { refuseSubmission } from '~/utils/refuse.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  return {
    initiativeId: initiative.id,
    sections: await evaluateChecklist(db, initiative),
    canAttest: initiative.can_edit,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireEditableInitiative(user, params.initiativeId)
  const locale = await getUserLocale(request)
  const formData = await request.formData()
  const submission = parseSubmission(formData, AttestationSchema, locale)
  // Every item has its own form: the answer names the item, so only that form shows the errors.
  if (submission.status !== 'success')
    return refuseSubmission(locale, submission, undefined, { item: String(formData.get('item') ?? '') })
  await attest(db, user, initiative.id, submission.value)
  return redirectWithToast(`/initiatives/${initiative.id}/checklist`, {
    kind: 'success',
    message: 'accountability.toast.attested',
  })
}

/** An evidence link is shown only where the page exists (a later capability's tab may not yet). */
function evidenceHref(initiativeId: string, evidence: string | null) {
  if (!evidence) return null
  const prefix = `/initiatives/${initiativeId}`
  if (!evidence.startsWith(`${prefix}/`)) return evidence
  const tab = evidence.slice(prefix.length + 1)
  return INITIATIVE_TABS.some((t) => t.path === tab) ? evidence : null
}

function Verdict({ item }: { item: ChecklistItem }) {
  const t = useT()
  if (item.met === null) return <Badge tone="neutral">{t('accountability.check.unattested')}</Badge>
  return item.met ? (
    <Badge tone="good">{t('accountability.check.met')}</Badge>
  ) : (
    <Badge tone="warn">{t('accountability.check.notMet')}</Badge>
  )
}

export default function ChecklistPage() {
  const { initiativeId, sections, canAttest } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const format = useFormat()
  return (
    <section className="card" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('accountability.checklist')}</h2>
      <p className="field-hint">{t('accountability.checklistIntro')}</p>
      {sections.map((section, index) => (
        <section key={section.action} aria-labelledby={`action-${section.action}`}>
          <h3 id={`action-${section.action}`}>
            {index + 1}. {t(`accountability.keyAction.${section.action}`)}
          </h3>
          <ul className="checklist">
            {section.items.map((item) => {
              const href = evidenceHref(initiativeId, item.evidence)
              return (
                <li key={item.key}>
                  <div className="checklist-head">
                    <Verdict item={item} />
                    <strong>{t(`accountability.check.${item.key}` as MessageKey)}</strong>
                    <span className="muted">
                      {item.source === 'data'
                        ? t('accountability.check.fromData')
                        : t('accountability.check.attested')}
                    </span>
                  </div>
                  {item.source === 'data' ? (
                    <p className="field-hint">
                      {t(`accountability.check.${item.key}.detail` as MessageKey, item.detail)}
                    </p>
                  ) : item.attestation ? (
                    <p className="field-hint">
                      {item.attestation.note} · {item.attestation.by ?? '—'} ·{' '}
                      {format.date(item.attestation.at)}
                    </p>
                  ) : null}
                  {href ? (
                    href.startsWith('/') ? (
                      <Link to={href}>{t('accountability.evidence')}</Link>
                    ) : (
                      <a href={href} rel="noreferrer noopener" target="_blank">
                        {t('accountability.evidence')}
                      </a>
                    )
                  ) : null}
                  {item.source === 'manual' && canAttest ? (
                    <AttestationForm
                      item={{
                        key: item.key,
                        met: item.met,
                        note: item.attestation?.note,
                        evidence: item.evidence,
                      }}
                      lastResult={actionData?.item === item.key ? actionData.result : null}
                    />
                  ) : null}
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </section>
  )
}
