import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getUser, getUserLocale } from '~/auth/session.server'
import { localeCookieFor } from '~/i18n/locale.server'
import { LOCALES } from '~/i18n/locales'
import { actorOf, type Actor } from '~/models/foundation/audit.server'
import { setUserLocale } from '~/models/foundation/user.server'
import { db } from '~/utils/db.server'
import { parseSubmission } from '~/utils/forms'
import { assertSameOrigin, invariantResponse, safeRedirectPath } from '~/utils/http.server'

const LanguageSchema = z.object({ locale: z.enum(LOCALES), redirectTo: z.string().optional() })

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const submission = parseSubmission(await request.formData(), LanguageSchema, await getUserLocale(request))
  invariantResponse(submission.status === 'success', 'Unknown language')
  const { locale, redirectTo } = submission.value
  const user = await getUser(request)
  if (user) await setUserLocale(db, actorOf(user) as Actor & { id: string }, locale)
  return redirect(safeRedirectPath(redirectTo), {
    headers: { 'Set-Cookie': await localeCookieFor(request).serialize(locale) },
  })
}
