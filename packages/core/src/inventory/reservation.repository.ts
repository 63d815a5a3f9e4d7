import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import { chunks } from './inventory.repository.js'

type Db = Kysely<Database>

export interface ReservationRow {
  id: string
  variant_id: string
  location_id: string
  quantity: number
}

/** A cart's reservations not yet an order's; on PostgreSQL locked until the transaction ends. */
export async function findOpenReservations(db: Db, cartId: string): Promise<ReservationRow[]> {
  return db
    .selectFrom('reservation')
    .select(['id', 'variant_id', 'location_id', 'quantity'])
    .where('cart_id', '=', cartId)
    .where('order_id', 'is', null)
    .$if(isPostgres(db), (qb) => qb.forUpdate())
    .execute()
}

export async function deleteReservations(db: Db, ids: string[]): Promise<void> {
  for (const part of chunks(ids)) await db.deleteFrom('reservation').where('id', 'in', part).execute()
}

export async function insertReservations(
  db: Db,
  rows: {
    id: string
    cart_id: string
    variant_id: string
    location_id: string
    quantity: number
    expires_at: string
    created_at: string
  }[],
): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('reservation').values(part).execute()
}

/** Deletes a cart's open reservations and returns them: each row is released by exactly one caller. */
export async function deleteOpenReservations(db: Db, cartId: string): Promise<ReservationRow[]> {
  return db
    .deleteFrom('reservation')
    .where('cart_id', '=', cartId)
    .where('order_id', 'is', null)
    .returning(['id', 'variant_id', 'location_id', 'quantity'])
    .execute()
}

export async function deleteExpiredReservations(db: Db, now: string): Promise<ReservationRow[]> {
  return db
    .deleteFrom('reservation')
    .where('order_id', 'is', null)
    .where('expires_at', 'is not', null)
    .where('expires_at', '<=', now)
    .returning(['id', 'variant_id', 'location_id', 'quantity'])
    .execute()
}

export async function markReservationsConverted(db: Db, cartId: string, orderId: string): Promise<number> {
  const result = await db
    .updateTable('reservation')
    .set({ order_id: orderId, expires_at: null })
    .where('cart_id', '=', cartId)
    .where('order_id', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

// ---- prices (the batch sets them beside stock)

