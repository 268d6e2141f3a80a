import { randomUUID } from 'node:crypto'
import { redirect } from '@remix-run/node'
import type { AuthUser } from '~/auth/session.server'
import type { Database } from '~/utils/db.server'
import { FORM_KEY } from '~/utils/forms'

// Idempotent create forms. A page's loader hands each render a random key (`newFormKey`), the form
// posts it in a hidden field, and the action runs its save through `saveOnce`: the first post with a
// key claims it (a row unique per user, form and key) and saves; a second post with the same key —
// a double click, a resent request — writes nothing and answers where the first one sent the
// browser. A refused save releases its claim, so the corrected form (same render, same key) saves.
// A post without a key (an old page, a script) saves as before.

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const WAIT_MS = 100
const MAX_WAITS = 50
/** Claims older than this are forgotten (a page left open that long gets a fresh key on reload). */
const KEEP_MS = 86_400_000

export function newFormKey() {
  return randomUUID()
}

function isRedirect(result: unknown): result is Response {
  return result instanceof Response && result.status >= 300 && result.status < 400
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `save` once per (user, form, key). `save` answers a redirect when it saved (which is
 * remembered) and anything else when it refused (which is not).
 */
export async function saveOnce<T>(
  db: Database,
  post: { request: Request; user: AuthUser; formData: FormData; form: string },
  save: () => Promise<T>,
): Promise<T | Response> {
  const { user, formData, form } = post
  const raw = formData.get(FORM_KEY)
  const key = typeof raw === 'string' && KEY.test(raw) ? raw.toLowerCase() : null
  if (!key) return save()
  const claim = { user_id: user.id, form, form_key: key }
  for (let attempt = 0; attempt <= MAX_WAITS; attempt++) {
    const claimed = await db
      .insertInto('form_submissions')
      .values(claim)
      .onConflict((oc) => oc.columns(['user_id', 'form', 'form_key']).doNothing())
      .returning('form_key')
      .executeTakeFirst()
    if (claimed) return saveClaimed(db, claim, save)
    const first = await db
      .selectFrom('form_submissions')
      .select('location')
      .where('user_id', '=', user.id)
      .where('form', '=', form)
      .where('form_key', '=', key)
      .executeTakeFirst()
    if (first?.location) return redirect(first.location)
    // The first post is still saving (or was just refused and released its claim: claim again).
    if (first) await sleep(WAIT_MS)
  }
  // The first post never finished: nothing was written under this key; show the page as it is.
  const here = new URL(post.request.url)
  return redirect(here.pathname + here.search)
}

async function saveClaimed<T>(
  db: Database,
  claim: { user_id: string; form: string; form_key: string },
  save: () => Promise<T>,
): Promise<T> {
  const release = () =>
    db
      .deleteFrom('form_submissions')
      .where('user_id', '=', claim.user_id)
      .where('form', '=', claim.form)
      .where('form_key', '=', claim.form_key)
      .execute()
  let result: T
  try {
    result = await save()
  } catch (error) {
    // A thrown redirect is a save that answered by redirecting; anything else is a failure.
    if (isRedirect(error)) {
      await remember(db, claim, error)
      throw error
    }
    await release()
    throw error
  }
  if (isRedirect(result)) await remember(db, claim, result)
  else await release()
  return result
}

async function remember(
  db: Database,
  claim: { user_id: string; form: string; form_key: string },
  response: Response,
) {
  await db
    .updateTable('form_submissions')
    .set({ location: response.headers.get('Location') ?? '.' })
    .where('user_id', '=', claim.user_id)
    .where('form', '=', claim.form)
    .where('form_key', '=', claim.form_key)
    .execute()
  await db
    .deleteFrom('form_submissions')
    .where('user_id', '=', claim.user_id)
    .where('created_at', '<', new Date(Date.now() - KEEP_MS))
    .execute()
}
