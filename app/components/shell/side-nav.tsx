import { NavLink } from '@remix-run/react'
import { useT } from '~/i18n/react'
import type { Role } from '~/utils/db.types'
import { navFor } from '../nav'
import { Icon } from './icons'

/** The grouped navigation, used by the desktop sidebar and by the phone's menu. */
export function SideNav({ role, id }: { role: Role; id: string }) {
  const t = useT()
  return (
    <nav aria-label={t('nav.main')} className="sidenav" id={id}>
      {navFor(role).map((group) => (
        <section key={group.id} className="sidenav-group" aria-labelledby={`${id}-${group.id}`}>
          {/* Not a heading: the pages' own headings stay the document's outline (the group is labelled by it).
              A group whose one entry says the same ("KPIs" › "KPIs") keeps its heading for screen readers only. */}
          <p
            className={
              group.items.length === 1 && t(group.items[0]!.label) === t(group.label)
                ? 'visually-hidden'
                : 'sidenav-heading'
            }
            id={`${id}-${group.id}`}
          >
            {t(group.label)}
          </p>
          <ul>
            {group.items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'} prefetch="intent" title={t(item.label)}>
                  <Icon name={item.icon} />
                  <span className="sidenav-label">{t(item.label)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  )
}
