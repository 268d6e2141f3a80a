import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { getUserLocale, requireUser } from '~/auth/session.server'
import { EmptyState, PageHeader } from '~/components/page'
import { useT } from '~/i18n/react'
import { searchBacklog } from '~/models/delivery/search.server'
import { searchFeedback } from '~/models/eet/search.server'
import {
  searchInitiatives,
  searchPrograms,
  searchSellers,
  searchUsers,
} from '~/models/foundation/search.server'
import { searchKpis } from '~/models/kpi/search.server'
import { db } from '~/utils/db.server'
import type { SearchGroup, SearchResults } from '~/utils/search-hit'

// The global search: this page works without JavaScript, and the command palette (⌘K / Ctrl-K,
// app/components/search-palette.tsx) loads the same loader as data. Every area's search is scoped by
// the user's rights, so a hit always opens.

export const meta: MetaFunction = () => [{ title: 'Search · Tenfold' }]

const QuerySchema = z.object({ q: z.string().trim().max(100).catch('') })

export async function loader({ request }: LoaderFunctionArgs): Promise<SearchResults> {
  const user = await requireUser(request)
  const { q } = QuerySchema.parse({ q: new URL(request.url).searchParams.get('q') ?? '' })
  if (!q) return { q, groups: [] as SearchGroup[] }
  const locale = await getUserLocale(request)
  const results = await Promise.all([
    searchInitiatives(db, user, q),
    searchKpis(db, user, q, locale),
    searchFeedback(db, user, q),
    searchBacklog(db, user, q),
    searchSellers(db, user, q),
    searchUsers(db, user, q),
    searchPrograms(db, q),
  ])
  const groups: SearchGroup[] = results
    .filter((hits) => hits.length > 0)
    .map((hits) => ({ kind: hits[0]!.kind, hits }))
  return { q, groups }
}

export default function SearchPage() {
  const { q, groups } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <PageHeader title={t('search.title')} />
      <Form method="get" className="filters" role="search" aria-label={t('search.label')}>
        <label>
          {t('search.label')}
          <input type="search" name="q" defaultValue={q} />
        </label>
        <button type="submit">{t('search.submit')}</button>
      </Form>
      {q && !groups.length ? <EmptyState>{t('search.none', { q })}</EmptyState> : null}
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`search-${group.kind}`}>
          <h2 id={`search-${group.kind}`}>{t(`search.kind.${group.kind}`)}</h2>
          <ul className="search-results">
            {group.hits.map((hit) => (
              <li key={hit.id}>
                <Link to={hit.href}>{hit.title}</Link>
                {hit.context ? <span className="muted"> · {hit.context}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
