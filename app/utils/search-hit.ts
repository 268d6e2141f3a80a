// One result of the global search: what it is, its name (and a line of context), and the page it opens.
// Each area's search.server.ts returns hits the user may open, scoped in SQL by the area's rights.

export const SEARCH_KINDS = ['initiative', 'kpi', 'feedback', 'backlog', 'seller', 'user', 'program'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

export type SearchHit = { kind: SearchKind; id: string; title: string; context: string | null; href: string }

/** Hits per kind: the palette and the page show the best few; a longer list is the kind's own page. */
export const SEARCH_LIMIT = 8

export type SearchGroup = { kind: SearchKind; hits: SearchHit[] }
export type SearchResults = { q: string; groups: SearchGroup[] }
