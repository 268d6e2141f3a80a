import { createCookie } from '@remix-run/node'
import { isLocale, localeFromAcceptLanguage, type Locale } from './locales'

export const localeCookie = createCookie('tenfold_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 31_536_000,
})

/** The user's saved choice, else the language cookie, else Accept-Language. */
export async function getLocale(request: Request, saved?: Locale | null): Promise<Locale> {
  if (saved) return saved
  const fromCookie: unknown = await localeCookie.parse(request.headers.get('Cookie'))
  if (isLocale(fromCookie)) return fromCookie
  return localeFromAcceptLanguage(request.headers.get('Accept-Language'))
}
