import { sql } from 'kysely'
import { toIso, toIsoOrNull } from '../db/dialect.js'
import type { Ctx } from '../kernel/ctx.js'

type Db = Ctx['db']

export async function findCheckpoint(db: Db, consumer: string): Promise<string | undefined> {
  const row = await db.selectFrom('event_consumer').select('checkpoint').where('name', '=', consumer).executeTakeFirst()
  return row ? toIso(row.checkpoint) : undefined
}

export async function saveCheckpoint(db: Db, consumer: string, checkpoint: string, now: string): Promise<void> {
  await db
    .insertInto('event_consumer')
    .values({ name: consumer, checkpoint, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ checkpoint, updated_at: now }))
    .execute()
}

/** Events at or after the checkpoint that the consumer has not finished and may take now. */
export async function findDueEvents(db: Db, consumer: string, type: string, checkpoint: string, now: string, limit: number) {
  let query = db
    .selectFrom('event_outbox as e')
    .leftJoin('event_receipt as r', (join) => join.onRef('r.event_id', '=', 'e.id').on('r.consumer', '=', consumer))
    .select(['e.id', 'e.type', 'e.version', 'e.data', 'e.created_at', 'r.status as receipt_status'])
    .where('e.created_at', '>=', checkpoint)
    .where((eb) =>
      eb.or([
        eb('r.event_id', 'is', null),
        eb.and([eb('r.status', '=', 'failed'), eb('r.next_attempt_at', '<=', now)]),
        eb.and([eb('r.status', '=', 'processing'), eb('r.lease_until', '<=', now)]),
      ]),
    )
    .orderBy('e.created_at')
    .orderBy('e.id')
    .limit(limit)
  if (type !== '*') query = query.where('e.type', '=', type)
  return query.execute()
}

/** Takes an event for this process; false when another process took it first. */
export async function claimReceipt(db: Db, consumer: string, eventId: string, fresh: boolean, now: string, leaseUntil: string): Promise<boolean> {
  if (fresh) {
    const result = await db
      .insertInto('event_receipt')
      .values({ consumer, event_id: eventId, status: 'processing', attempts: 1, lease_until: leaseUntil, next_attempt_at: null, last_error: null, updated_at: now })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
  }
  const result = await db
    .updateTable('event_receipt')
    .set({ status: 'processing', attempts: sql`attempts + 1`, lease_until: leaseUntil, updated_at: now })
    .where('consumer', '=', consumer)
    .where('event_id', '=', eventId)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'failed'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'processing'), eb('lease_until', '<=', now)]),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function finishReceipt(
  db: Db,
  consumer: string,
  eventId: string,
  outcome: { status: 'done' | 'failed' | 'dead'; nextAttemptAt?: string; error?: string; now: string },
): Promise<number> {
  const row = await db
    .updateTable('event_receipt')
    .set({ status: outcome.status, lease_until: null, next_attempt_at: outcome.nextAttemptAt ?? null, last_error: outcome.error ?? null, updated_at: outcome.now })
    .where('consumer', '=', consumer)
    .where('event_id', '=', eventId)
    .returning('attempts')
    .executeTakeFirst()
  return row?.attempts ?? 0
}

export async function receiptAttempts(db: Db, consumer: string, eventId: string): Promise<number> {
  const row = await db.selectFrom('event_receipt').select('attempts').where('consumer', '=', consumer).where('event_id', '=', eventId).executeTakeFirst()
  return row?.attempts ?? 0
}

/** The oldest event at or after the checkpoint that the consumer has not finished (done or dead). */
export async function oldestUnfinished(db: Db, consumer: string, type: string, checkpoint: string): Promise<string | null> {
  let query = db
    .selectFrom('event_outbox as e')
    .select((eb) => eb.fn.min('e.created_at').as('oldest'))
    .where('e.created_at', '>=', checkpoint)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('event_receipt as r')
            .select('r.event_id')
            .whereRef('r.event_id', '=', 'e.id')
            .where('r.consumer', '=', consumer)
            .where('r.status', 'in', ['done', 'dead']),
        ),
      ),
    )
  if (type !== '*') query = query.where('e.type', '=', type)
  const row = await query.executeTakeFirst()
  return toIsoOrNull(row?.oldest)
}
