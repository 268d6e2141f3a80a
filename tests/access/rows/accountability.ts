import { db } from '~/utils/db.server'
import { cells, type Fixture, type RowsModule } from '../types'

/** Who can see initiative A (led by `lead`, sponsored by `sponsor`, piloted by `eet_member`). */
const SEES_A = cells(['admin', 'lead', 'sponsor', 'eet_member', 'viewer'])
const EDITS_A = cells(['admin', 'lead'])
/** Financial lines: admins, the initiative's lead and sponsors (viewers only with finance access). */
const FINANCE_A = cells(['admin', 'lead', 'sponsor'])
const params = (fx: Fixture) => ({ initiativeId: fx.initiativeId })

export const accountability: RowsModule = {
  // A draft case on initiative A, so the pages and the export have something to show.
  async setup(fx) {
    const businessCase = await db
      .insertInto('business_cases')
      .values({
        initiative_id: fx.initiativeId,
        version: 1,
        context: 'Context',
        approach: 'Approach',
        customer_value: 'Value',
        author_id: fx.users.lead.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    fx.extra.businessCaseId = businessCase.id
  },
  rows: {
    'routes/initiatives.$initiativeId.case._index': {
      path: (fx) => `/initiatives/${fx.initiativeId}/case`,
      params,
      loader: SEES_A,
      // An empty comment: refused with a field error by those who may comment; nothing is written.
      action: FINANCE_A,
      form: () => ({ intent: 'comment', comment: '' }),
    },
    'routes/initiatives.$initiativeId.case.edit': {
      path: (fx) => `/initiatives/${fx.initiativeId}/case/edit`,
      params,
      loader: EDITS_A,
      action: EDITS_A,
      form: () => ({}),
    },
    'routes/initiatives.$initiativeId.case.versions': {
      path: (fx) => `/initiatives/${fx.initiativeId}/case/versions`,
      params,
      loader: SEES_A,
    },
    'routes/initiatives.$initiativeId.case.export': {
      path: (fx) => `/initiatives/${fx.initiativeId}/case/export`,
      params,
      loader: FINANCE_A,
    },
    'routes/initiatives.$initiativeId.team': {
      path: (fx) => `/initiatives/${fx.initiativeId}/team`,
      params,
      loader: SEES_A,
      action: EDITS_A,
      form: () => ({ intent: 'add' }),
    },
    'routes/initiatives.$initiativeId.gates': {
      path: (fx) => `/initiatives/${fx.initiativeId}/gates`,
      params,
      loader: SEES_A,
      // Deciding is the sponsor's (or an admin's); an empty decision is refused with field errors.
      action: cells(['admin', 'sponsor']),
      form: () => ({ intent: 'decide' }),
    },
    'routes/initiatives.$initiativeId.checklist': {
      path: (fx) => `/initiatives/${fx.initiativeId}/checklist`,
      params,
      loader: SEES_A,
    },
    'routes/governance': {
      path: () => '/governance',
      loader: cells(['admin', 'sponsor', 'viewer']),
      action: cells(['admin', 'sponsor']),
      form: () => ({ intent: 'review' }),
    },
  },
}
