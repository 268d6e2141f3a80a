import { csvExportOf } from '~/utils/list-csv.server'
import { loader as listLoader } from './initiatives.$initiativeId.feedback._index'

// The list's "Export CSV" (its page URL + .csv): the page's own loader, asked for every filtered row.
export const loader = csvExportOf(listLoader)
