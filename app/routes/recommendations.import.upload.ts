import type { ActionFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/auth/session.server'
import { actorOf } from '~/models/foundation/audit.server'
import {
  bodyFormatOf,
  importFile,
  IMPORT_MAX_BYTES,
  readBodyText,
} from '~/models/recommendations/ingest.server'
import { db } from '~/utils/db.server'

// POST /recommendations/import/upload — the admin import page's upload (the file is the body, sent by
// XMLHttpRequest so the page can show upload progress). Answers with the same per-row report as the API.

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'events:import')
  const format = bodyFormatOf(request.headers.get('Content-Type'))
  if (!format) return Response.json({ error: 'unsupported' }, { status: 415 })
  const text = await readBodyText(request, IMPORT_MAX_BYTES)
  if (text === null) return Response.json({ error: 'tooLarge' }, { status: 413 })
  const result = await importFile(db, actorOf(admin), text, format)
  if (!result.ok)
    return Response.json(
      { error: result.status === 413 ? 'tooLarge' : 'unparseable', message: result.message },
      { status: result.status },
    )
  return Response.json(result.report)
}
