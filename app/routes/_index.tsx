import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { sql } from 'kysely'
import { requireUser } from '~/auth/session.server'
import { InitiativeTable } from '~/components/initiative-table'
import { PageHeader } from '~/components/page'
import { useFormat, useT } from '~/i18n/react'
import { listInitiatives } from '~/models/initiative.server'
import { db } from '~/utils/db.server'

export const meta: MetaFunction = () => [{ title: 'Tenfold' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const personal = user.role === 'lead' || user.role === 'sponsor' || user.role === 'eet_member'
  const initiatives = await listInitiatives(db, user, { mine: personal })
  const stats =
    user.role === 'admin'
      ? await db
          .selectNoFrom((eb) => [
            eb
              .selectFrom('users')
              .select(sql<number>`count(*)::int`.as('n'))
              .where('disabled_at', 'is', null)
              .as('users'),
            eb
              .selectFrom('programs')
              .select(sql<number>`count(*)::int`.as('n'))
              .where('archived_at', 'is', null)
              .as('programs'),
            eb
              .selectFrom('initiatives')
              .select(sql<number>`count(*)::int`.as('n'))
              .where('archived_at', 'is', null)
              .as('initiatives'),
          ])
          .executeTakeFirstOrThrow()
      : null
  return { role: user.role, name: user.name, initiatives, stats }
}

export default function HomePage() {
  const { role, initiatives, stats } = useLoaderData<typeof loader>()
  const t = useT()
  const format = useFormat()
  return (
    <>
      <PageHeader title={t(`home.title.${role}`)} subtitle={t(`home.intro.${role}`)} />
      {stats ? (
        <section className="stat-grid" aria-label={t('home.title.admin')}>
          <Link className="stat" to="/admin/users">
            <span className="stat-value">{format.number(stats.users)}</span>
            <span className="stat-label">{t('home.stats.users')}</span>
          </Link>
          <Link className="stat" to="/programs">
            <span className="stat-value">{format.number(stats.programs)}</span>
            <span className="stat-label">{t('home.stats.programs')}</span>
          </Link>
          <Link className="stat" to="/initiatives">
            <span className="stat-value">{format.number(stats.initiatives)}</span>
            <span className="stat-label">{t('home.stats.initiatives')}</span>
          </Link>
        </section>
      ) : null}
      <InitiativeTable initiatives={initiatives} emptyText={t('home.none')} />
    </>
  )
}
