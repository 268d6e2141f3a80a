import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useState, type FormEvent } from 'react'
import { requirePermission } from '~/auth/session.server'
import { FormActions } from '~/components/forms'
import { useT } from '~/i18n/react'
import type { EventError } from '~/models/recommendations/event.schema'
import { IMPORT_MAX_EVENTS } from '~/models/recommendations/ingest.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'events:import')
  return { maxEvents: IMPORT_MAX_EVENTS }
}

type Report = {
  accepted: number
  duplicates: number
  rejected: { index: number; event_id: string | null; errors: EventError[] }[]
}
type Status =
  | { phase: 'idle' }
  | { phase: 'uploading'; percent: number }
  | { phase: 'processing' }
  | { phase: 'done'; report: Report }
  | { phase: 'failed'; error: 'unsupported' | 'tooLarge' | 'unparseable' | 'chooseFile'; message?: string }

const TYPES: Record<string, string> = {
  csv: 'text/csv',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  jsonl: 'application/x-ndjson',
}

export default function ImportEventsPage() {
  const t = useT()
  const [status, setStatus] = useState<Status>({ phase: 'idle' })

  function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0]
    if (!file) return setStatus({ phase: 'failed', error: 'chooseFile' })
    const type = TYPES[file.name.split('.').pop()?.toLowerCase() ?? '']
    if (!type) return setStatus({ phase: 'failed', error: 'unsupported' })
    const request = new XMLHttpRequest()
    request.open('POST', '/recommendations/import/upload')
    request.setRequestHeader('Content-Type', type)
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable)
        setStatus({ phase: 'uploading', percent: Math.round((progress.loaded / progress.total) * 100) })
    }
    request.upload.onload = () => setStatus({ phase: 'processing' })
    request.onload = () => {
      const body = JSON.parse(request.responseText || '{}') as Report & { error?: string; message?: string }
      if (request.status === 200) setStatus({ phase: 'done', report: body })
      else
        setStatus({
          phase: 'failed',
          error: (body.error as 'unsupported' | 'tooLarge' | 'unparseable') ?? 'unparseable',
          message: body.message,
        })
    }
    request.onerror = () => setStatus({ phase: 'failed', error: 'unparseable' })
    setStatus({ phase: 'uploading', percent: 0 })
    request.send(file)
  }

  const { maxEvents } = useLoaderData<typeof loader>()
  const busy = status.phase === 'uploading' || status.phase === 'processing'
  const percent = status.phase === 'uploading' ? status.percent : status.phase === 'idle' ? 0 : 100
  return (
    <section aria-labelledby="import-heading" className="narrow">
      <h2 id="import-heading">{t('recommendations.import.heading')}</h2>
      <p className="muted">{t('recommendations.import.explain', { max: maxEvents })}</p>
      <form className="card form-grid" onSubmit={upload}>
        <div className="field">
          <label htmlFor="events-file">{t('recommendations.import.file')}</label>
          <input id="events-file" name="file" type="file" accept=".csv,.json,.ndjson,.jsonl" required />
        </div>
        <FormActions>
          <button type="submit" disabled={busy}>
            {t('recommendations.import.submit')}
          </button>
        </FormActions>
        {status.phase !== 'idle' ? (
          <div aria-live="polite">
            <progress
              max={100}
              value={status.phase === 'processing' ? undefined : percent}
              aria-label={t('recommendations.import.progress')}
            />
            <p role="status">
              {status.phase === 'uploading'
                ? t('recommendations.import.uploading', { percent: status.percent })
                : status.phase === 'processing'
                  ? t('recommendations.import.processing')
                  : status.phase === 'done'
                    ? t('recommendations.import.done', {
                        accepted: status.report.accepted,
                        duplicates: status.report.duplicates,
                        rejected: status.report.rejected.length,
                      })
                    : t('recommendations.import.failed', {
                        message: status.message ?? t(`recommendations.import.${status.error}`),
                      })}
            </p>
          </div>
        ) : null}
      </form>
      {status.phase === 'done' && status.report.rejected.length ? (
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('recommendations.import.errors')}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t('recommendations.import.row')}</th>
                <th scope="col">{t('recommendations.import.eventId')}</th>
                <th scope="col">{t('recommendations.import.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {status.report.rejected.slice(0, 500).map((row) => (
                <tr key={row.index}>
                  <td>{row.index}</td>
                  <td>{row.event_id ?? '—'}</td>
                  <td>
                    {row.errors
                      .map((error) =>
                        t(`recommendations.eventError.${error.code}`, {
                          field: error.field,
                          max: error.max ?? '',
                        }),
                      )
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
