import { createCookie } from '@remix-run/node'
import { z } from 'zod'

// Display preferences kept in a cookie (not on the account) so that the server renders the chosen theme
// and sidebar width on the first byte, before any script runs: no flash of the wrong theme.

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
export const SIDEBARS = ['expanded', 'collapsed'] as const
export type Sidebar = (typeof SIDEBARS)[number]

export type Preferences = { theme: Theme; sidebar: Sidebar }

const PreferencesSchema = z.object({
  theme: z.enum(THEMES).catch('system'),
  sidebar: z.enum(SIDEBARS).catch('expanded'),
})

export const preferencesCookie = createCookie('tenfold_prefs', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 31_536_000,
})

export async function getPreferences(request: Request): Promise<Preferences> {
  const saved: unknown = await preferencesCookie.parse(request.headers.get('Cookie'))
  return PreferencesSchema.parse(typeof saved === 'object' && saved !== null ? saved : {})
}
