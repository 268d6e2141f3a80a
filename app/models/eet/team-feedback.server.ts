import type { Executor } from '~/utils/db.server'
import type { RepScope } from '../foundation/team.server'

// Pilot feedback that a manager's reps gave: the submitter is the user linked to a rep's roster row.
// Open means not yet shipped or declined (nor merged into another item).

const OPEN = ['new', 'under_review', 'planned'] as const

export async function feedbackFromReps(db: Executor, scope: RepScope, { openOnly = false } = {}) {
  if (!scope.all && !scope.sellerIds.length) return []
  let query = db
    .selectFrom('pilot_feedback as f')
    .innerJoin('sellers as s', 's.user_id', 'f.submitter_id')
    .innerJoin('initiatives as i', 'i.id', 'f.initiative_id')
    .select([
      'f.id',
      'f.kind',
      'f.status',
      'f.title',
      'f.usefulness',
      'f.created_at',
      'i.name as initiative_name',
      's.seller_id',
      's.name as rep_name',
    ])
    .orderBy('f.created_at', 'desc')
    .limit(200)
  if (!scope.all) query = query.where('s.seller_id', 'in', [...scope.sellerIds])
  if (openOnly) query = query.where('f.status', 'in', OPEN).where('f.merged_into', 'is', null)
  return query.execute()
}
