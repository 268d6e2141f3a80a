import type { AuthUser } from '~/auth/session.server'
import type { Database } from '~/utils/db.server'
import { DomainError } from '~/utils/domain-error'
import { actorOf, audit } from '../foundation/audit.server'
import { acknowledgeable, ATTENTION_KINDS, type AttentionKind } from './kinds'

// A person's "seen" on an informational item (a decision they were told of, a slipped sprint): the one
// piece of attention state that cannot be derived. An actionable item cannot be dismissed; acting on it
// (deciding, measuring, triaging) is what ends it.

export async function acknowledgeItem(db: Database, user: AuthUser, key: string) {
  const kind = key.split(':')[0] as AttentionKind
  if (!ATTENTION_KINDS.includes(kind) || !acknowledgeable(kind))
    throw new DomainError('attention.errors.notAcknowledgeable', { status: 409 })
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('attention_acknowledgements')
      .values({ user_id: user.id, item_key: key })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0))
      await audit(trx, {
        actor: actorOf(user),
        action: 'attention.acknowledge',
        entityType: 'attention_item',
        entityId: key,
      })
  })
}
