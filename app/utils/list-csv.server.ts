import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUserLocale } from '~/auth/session.server'
import type { MessageKey } from '~/i18n/messages'
import { translator, type Translate } from '~/i18n/translate'
import { csvResponse, toCsv } from './csv.server'

// A list page's "Export CSV": the columns the page shows, headed in the reader's language, codes by
// their labels, every row the page's filters keep, in the page's order.

export type CsvColumn<Row> = { header: MessageKey; value: (row: Row, t: Translate) => unknown }

/**
 * The CSV answer of a list loader. Typed `never` on purpose: a loader that returns it for `format=csv`
 * keeps the page's data type for useLoaderData (Remix would otherwise widen it with Response).
 */
export async function listCsvResponse<Row>(
  request: Request,
  filename: string,
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
): Promise<never> {
  const t = translator(await getUserLocale(request))
  const response = csvResponse(
    filename,
    toCsv(
      columns.map((column) => t(column.header)),
      rows.map((row) => columns.map((column) => column.value(row, t))),
    ),
  )
  return response as never
}

/**
 * A list's CSV export as a resource route (`<list>[.csv].ts`): the page's loader, asked with
 * `format=csv`. A page route cannot answer a document request with a file (Remix renders the page with
 * whatever its loader returned), so the link goes here; the page's rights and filters hold unchanged.
 */
export function csvExportOf(listLoader: (args: LoaderFunctionArgs) => Promise<unknown>) {
  return async (args: LoaderFunctionArgs) => {
    const url = new URL(args.request.url)
    url.searchParams.set('format', 'csv')
    url.searchParams.delete('page')
    const answer = await listLoader({ ...args, request: new Request(url, args.request) })
    if (answer instanceof Response) return answer
    throw new Response('Not found', { status: 404 })
  }
}
