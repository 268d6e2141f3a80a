import { createCookieSessionStorage, redirect } from '@remix-run/node'
import { randomBytes } from 'node:crypto'
import type { MessageKey, MessageVars } from '~/i18n/translate'
import { env } from './env.server'
import { isSecureScope } from './request-scope.server'

// Flash toasts after redirects. Signed with SESSION_SECRET; without one, a per-process secret is used
// (fine for one server; set SESSION_SECRET when several app servers share traffic).

/** `undo`: the form that reverses what was just done (the toast shows it as an Undo button). */
export type Toast = {
  kind: 'success' | 'error' | 'info'
  message: MessageKey
  vars?: MessageVars
  undo?: { action: string; fields: Record<string, string> }
}

// Over HTTPS the cookie is Secure with the __Host- prefix (no Domain, Path=/), as the session's is.
const secrets = [env().SESSION_SECRET ?? randomBytes(32).toString('hex')]
const storageFor = (secure: boolean) =>
  createCookieSessionStorage({
    cookie: {
      name: secure ? '__Host-tenfold_toast' : 'tenfold_toast',
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      secrets,
    },
  })
const secureStorage = storageFor(true)
const plainStorage = storageFor(false)

export async function toastHeader(toast: Toast) {
  const storage = isSecureScope() ? secureStorage : plainStorage
  const session = await storage.getSession()
  session.flash('toast', toast)
  return storage.commitSession(session)
}

export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await toastHeader(toast))
  return redirect(url, { ...init, headers })
}

/** Reads (and clears) the pending toast. */
export async function popToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const storage = new URL(request.url).protocol === 'https:' ? secureStorage : plainStorage
  const session = await storage.getSession(request.headers.get('Cookie'))
  const toast = (session.get('toast') as Toast | undefined) ?? null
  return { toast, setCookie: toast ? await storage.commitSession(session) : null }
}
