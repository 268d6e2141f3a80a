import { db } from '~/utils/db.server'
import { cells, type RowsModule } from '../types'

// The EET area: roster (admins manage, leads read to choose EETs), an initiative's EET page, pilot
// feedback (read by whoever sees the initiative; EET members submit and vote; its lead and admins
// triage).

const SEES_A = cells(['admin', 'lead', 'sponsor', 'eet_member', 'viewer'])
const EDITS_A = cells(['admin', 'lead'])
const ADMIN = cells(['admin'])
const ROSTER_READERS = cells(['admin', 'lead', 'lead_other'])

export const eet: RowsModule = {
  async setup(fx) {
    const seller = await db
      .insertInto('sellers')
      .values({
        seller_id: 'ACCESS-1',
        name: 'Access Rep',
        region: 'North',
        segment: 'SMB',
        team: 'T',
        role: 'AE',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const feedback = await db
      .insertInto('pilot_feedback')
      .values({
        initiative_id: fx.initiativeId,
        submitter_id: fx.users.eet_member.id,
        release: '1.0',
        kind: 'idea',
        usefulness: 4,
        ease: 3,
        recommend: 8,
        title: 'Show the reason next to each recommendation',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    fx.extra.sellerId = seller.id
    fx.extra.feedbackId = feedback.id
  },
  rows: {
    'routes/roster._index': { path: () => '/roster', loader: ROSTER_READERS },
    'routes/roster.import': {
      path: () => '/roster/import',
      loader: ADMIN,
      action: ADMIN,
      // No file: refused with 400 (nothing is imported).
      form: () => ({ intent: 'preview' }),
    },
    'routes/roster.$sellerId': {
      path: (fx) => `/roster/${fx.extra.sellerId}`,
      params: (fx) => ({ sellerId: fx.extra.sellerId! }),
      loader: ADMIN,
      action: ADMIN,
      form: () => ({}),
    },
    'routes/initiatives.$initiativeId.eet': {
      path: (fx) => `/initiatives/${fx.initiativeId}/eet`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: SEES_A,
      action: EDITS_A,
      form: () => ({ intent: 'add' }),
    },
    'routes/initiatives.$initiativeId.feedback._index': {
      path: (fx) => `/initiatives/${fx.initiativeId}/feedback`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: SEES_A,
    },
    'routes/initiatives.$initiativeId.feedback.new': {
      path: (fx) => `/initiatives/${fx.initiativeId}/feedback/new`,
      params: (fx) => ({ initiativeId: fx.initiativeId }),
      loader: cells(['eet_member']),
      action: cells(['eet_member']),
      form: () => ({}),
    },
    'routes/initiatives.$initiativeId.feedback.$feedbackId': {
      path: (fx) => `/initiatives/${fx.initiativeId}/feedback/${fx.extra.feedbackId}`,
      params: (fx) => ({ initiativeId: fx.initiativeId, feedbackId: fx.extra.feedbackId! }),
      loader: SEES_A,
      action: EDITS_A,
      form: () => ({ intent: 'status' }),
    },
  },
}
