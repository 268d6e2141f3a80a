import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/session.server'
import { INITIATIVE_TABS } from '~/components/foundation/initiative-tabs'
import { Badge } from '~/components/page'
import { useT } from '~/i18n/react'
import type { MessageKey } from '~/i18n/translate'
import { evaluateChecklist, type ChecklistItem } from '~/models/accountability/checklist.server'
import { requireInitiative } from '~/models/foundation/initiative-guard.server'
import styles from '~/styles/accountability.css?url'
import { db } from '~/utils/db.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const initiative = await requireInitiative(user, params.initiativeId)
  return {
    initiativeId: initiative.id,
    sections: await evaluateChecklist(db, initiative),
  }
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
  return item.met ? (
    <Badge tone="good">{t('accountability.check.met')}</Badge>
  ) : (
    <Badge tone="warn">{t('accountability.check.notMet')}</Badge>
  )
}

export default function ChecklistPage() {
  const { initiativeId, sections } = useLoaderData<typeof loader>()
  const t = useT()
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
                    <span className="muted">{t('accountability.check.fromData')}</span>
                  </div>
                  <p className="field-hint">
                    {t(`accountability.check.${item.key}.detail` as MessageKey, item.detail)}
                  </p>
                  {href ? (
                    href.startsWith('/') ? (
                      <Link to={href}>{t('accountability.evidence')}</Link>
                    ) : (
                      <a href={href} rel="noreferrer noopener" target="_blank">
                        {t('accountability.evidence')}
                      </a>
                    )
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
