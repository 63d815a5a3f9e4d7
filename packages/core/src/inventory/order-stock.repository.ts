import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import type { ReservationRow } from './reservation.repository.js'

type Db = Kysely<Database>

/** An order's reservations (made at checkout, converted to the order); on PostgreSQL locked until the transaction ends. */
export async function findOrderReservations(db: Db, orderId: string): Promise<ReservationRow[]> {
  const rows = await db
    .selectFrom('reservation')
    .select(['id', 'variant_id', 'location_id', 'quantity'])
    .where('order_id', '=', orderId)
    .orderBy('variant_id')
    .orderBy('location_id')
    .$if(isPostgres(db), (qb) => qb.forUpdate())
    .execute()
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity) }))
}

/** Lowers a reservation by `quantity`, deleting it when nothing is left. */
export async function shrinkReservation(db: Db, r: ReservationRow, quantity: number): Promise<void> {
  if (quantity >= r.quantity) await db.deleteFrom('reservation').where('id', '=', r.id).execute()
  else await db.updateTable('reservation').set({ quantity: r.quantity - quantity }).where('id', '=', r.id).execute()
}

/**
 * Units leave the building: stocked and reserved both drop by `fromReserved`, stocked alone by
 * `unreserved`, in one guarded statement (never below zero, never taking units reserved by
 * others). Returns whether the level changed.
 */
export async function takeStock(
  db: Db,
  variantId: string,
  locationId: string,
  fromReserved: number,
  unreserved: number,
  now: string,
): Promise<boolean> {
  const total = fromReserved + unreserved
  const result = await db
    .updateTable('inventory_level')
    .set((eb) => ({
      stocked_quantity: eb('stocked_quantity', '-', total),
      reserved_quantity: eb('reserved_quantity', '-', fromReserved),
      updated_at: now,
    }))
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .where('stocked_quantity', '>=', total)
    .where('reserved_quantity', '>=', fromReserved)
    .where((eb) => eb.or([eb('allow_backorder', '=', true), eb(sql<number>`stocked_quantity - reserved_quantity`, '>=', unreserved)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Units come back: stocked rises at the level, created (with the variant's backorder flag) when missing. */
export async function addStocked(
  db: Db,
  row: { variant_id: string; location_id: string; allow_backorder: boolean; quantity: number },
  now: string,
): Promise<void> {
  await db
    .insertInto('inventory_level')
    .values({
      variant_id: row.variant_id,
      location_id: row.location_id,
      allow_backorder: row.allow_backorder,
      stocked_quantity: row.quantity,
      reserved_quantity: 0,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['variant_id', 'location_id']).doUpdateSet((eb) => ({
        stocked_quantity: eb('inventory_level.stocked_quantity', '+', eb.ref('excluded.stocked_quantity')),
        updated_at: now,
      })),
    )
    .execute()
}

export async function insertOrderReservation(
  db: Db,
  row: { id: string; cart_id: string; order_id: string; variant_id: string; location_id: string; quantity: number; created_at: string },
): Promise<void> {
  await db
    .insertInto('reservation')
    .values({ ...row, expires_at: null })
    .execute()
}
