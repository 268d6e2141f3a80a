import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getUserLocale } from '~/auth/session.server'
import { parseSubmission } from '~/utils/forms'
import { assertSameOrigin, invariantResponse, safeRedirectPath } from '~/utils/http.server'
import { getPreferences, preferencesCookie, SIDEBARS, THEMES } from '~/utils/preferences.server'

// The theme switch and the sidebar's collapse button post here (plain forms: they work without
// JavaScript); the choice lives in a cookie, so it needs no account and is not audited.
const PreferencesSchema = z
  .object({
    theme: z.enum(THEMES).optional(),
    sidebar: z.enum(SIDEBARS).optional(),
    redirectTo: z.string().optional(),
  })
  .refine((value) => value.theme !== undefined || value.sidebar !== undefined, {
    // A post that chooses nothing is not a preference (and must not answer as if it were one).
    message: 'errors.invalid',
  })

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const submission = parseSubmission(
    await request.formData(),
    PreferencesSchema,
    await getUserLocale(request),
  )
  invariantResponse(submission.status === 'success', 'Unknown preference')
  const { theme, sidebar, redirectTo } = submission.value
  const current = await getPreferences(request)
  const next = { theme: theme ?? current.theme, sidebar: sidebar ?? current.sidebar }
  return redirect(safeRedirectPath(redirectTo), {
    headers: { 'Set-Cookie': await preferencesCookie.serialize(next) },
  })
}
