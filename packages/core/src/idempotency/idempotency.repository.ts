import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { IdempotencyRef } from './idempotency.js'

type Db = Kysely<Database>

/** Inserts the key as in flight; false when the key already exists. */
export async function insertInFlight(db: Db, ref: IdempotencyRef, requestHash: string, now: string): Promise<boolean> {
  const result = await db
    .insertInto('idempotency_key')
    .values({
      ...ref,
      request_hash: requestHash,
      status: 'in_flight',
      response_status: null,
      response_body: null,
      locked_at: now,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function findKey(db: Db, ref: IdempotencyRef) {
  return db.selectFrom('idempotency_key').selectAll().where('scope', '=', ref.scope).where('key', '=', ref.key).executeTakeFirst()
}

/** Takes over a key whose request died in flight; false when another caller took it first. */
export async function relockStale(db: Db, ref: IdempotencyRef, staleBefore: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('idempotency_key')
    .set({ locked_at: now })
    .where('scope', '=', ref.scope)
    .where('key', '=', ref.key)
    .where('status', '=', 'in_flight')
    .where('locked_at', '<', staleBefore)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function storeResponse(db: Db, ref: IdempotencyRef, status: number, body: string): Promise<void> {
  await db
    .updateTable('idempotency_key')
    .set({ status: 'done', response_status: status, response_body: body })
    .where('scope', '=', ref.scope)
    .where('key', '=', ref.key)
    .execute()
}

export async function deleteKey(db: Db, ref: IdempotencyRef): Promise<void> {
  await db.deleteFrom('idempotency_key').where('scope', '=', ref.scope).where('key', '=', ref.key).execute()
}
