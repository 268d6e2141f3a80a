import { createCookie } from '@remix-run/node'
import { isLocale, localeFromAcceptLanguage, type Locale } from './locales'

// Over HTTPS the language cookie is Secure with the __Host- prefix, like the session's and the toast's.
const cookieOptions = { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 31_536_000 } as const
const plainCookie = createCookie('tenfold_lang', cookieOptions)
const secureCookie = createCookie('__Host-tenfold_lang', { ...cookieOptions, secure: true })

export function localeCookieFor(request: Request) {
  return new URL(request.url).protocol === 'https:' ? secureCookie : plainCookie
}

/** The user's saved choice, else the language cookie, else Accept-Language. */
export async function getLocale(request: Request, saved?: Locale | null): Promise<Locale> {
  if (saved) return saved
  const fromCookie: unknown = await localeCookieFor(request).parse(request.headers.get('Cookie'))
  if (isLocale(fromCookie)) return fromCookie
  return localeFromAcceptLanguage(request.headers.get('Accept-Language'))
}
