import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.js'
import { isPostgres, parseJson, toIso, toIsoOrNull, toJson } from '../db/dialect.js'
import type { FulfillmentStatus } from './fulfillment-status.js'
import type { Fulfillment, OrderActivity, OrderReturn, PaymentTransaction } from './order-lifecycle.js'
import type { OrderLineLifecycleColumns } from './order-lifecycle.table.js'
import type { OrderLifecycleStatus } from './order-status.js'
import type { OrderLineTable } from './order.table.js'
import type { PaymentLifecycleStatus } from './payment-status.js'

type Db = Kysely<Database>

/** The order row's lifecycle fields; on PostgreSQL locked until the transaction ends, so changes to one order are serial. */
export async function lockOrderState(db: Db, id: string) {
  return db
    .selectFrom('order')
    .select([
      'id',
      'number',
      'currency_code',
      'sales_channel_id',
      'lifecycle_status',
      'lifecycle_payment_status',
      'fulfillment_status',
      'payment_provider_id',
      'payment_ref',
      'total',
      'authorized_amount',
      'captured_amount',
      'refunded_amount',
      'outstanding_amount',
    ])
    .where('id', '=', id)
    .$if(isPostgres(db), (qb) => qb.forUpdate())
    .executeTakeFirst()
}

/** The one update of an order row's money and status columns; `updated_at` is always set to `now`. */
export async function updateOrderState(
  db: Db,
  id: string,
  set: Partial<{
    lifecycle_status: OrderLifecycleStatus
    lifecycle_payment_status: PaymentLifecycleStatus
    fulfillment_status: FulfillmentStatus
    captured_amount: number
    refunded_amount: number
    outstanding_amount: number
    canceled_at: string
    subtotal: number
    discount_total: number
    tax_total: number
    total: number
  }>,
  now: string,
): Promise<void> {
  await db
    .updateTable('order')
    .set({ ...set, updated_at: now })
    .where('id', '=', id)
    .execute()
}

export async function addLineQuantity(
  db: Db,
  lineId: string,
  column: 'fulfilled_quantity' | 'shipped_quantity' | 'delivered_quantity' | 'returned_quantity',
  delta: number,
): Promise<void> {
  await db
    .updateTable('order_line')
    .set((eb) => ({ [column]: eb(column, '+', delta) }))
    .where('id', '=', lineId)
    .execute()
}

// ---- payment transactions

export async function findPendingTransaction(db: Db, orderId: string, notBefore: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('payment_transaction')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .where('created_at', '>=', notBefore)
    .executeTakeFirst()
  return row?.id
}

export async function insertTransaction(db: Db, t: Omit<PaymentTransaction, 'status'> & { note?: string | null }): Promise<void> {
  await db
    .insertInto('payment_transaction')
    .values({ ...t, note: t.note ?? null, status: 'pending' })
    .execute()
}

export async function settleTransaction(db: Db, id: string, status: 'succeeded' | 'failed', reason?: string): Promise<void> {
  await db
    .updateTable('payment_transaction')
    .set({ status, ...(reason !== undefined && { note: reason }) })
    .where('id', '=', id)
    .execute()
}

export async function findTransactions(db: Db, orderId: string): Promise<PaymentTransaction[]> {
  const rows = await db
    .selectFrom('payment_transaction')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    order_id: r.order_id,
    kind: r.kind,
    status: r.status,
    amount: Number(r.amount),
    reason: r.reason,
    return_id: r.return_id,
    created_at: toIso(r.created_at),
  }))
}

// ---- fulfillments

export async function insertFulfillment(db: Db, f: Fulfillment): Promise<void> {
  const { items, ...row } = f
  await db.insertInto('fulfillment').values(row).execute()
  await db
    .insertInto('fulfillment_item')
    .values(items.map((i) => ({ fulfillment_id: f.id, order_line_id: i.line_id, quantity: i.quantity })))
    .execute()
}

export async function updateFulfillment(
  db: Db,
  id: string,
  set: Partial<Pick<Fulfillment, 'status' | 'carrier' | 'tracking_number' | 'tracking_url' | 'shipped_at' | 'delivered_at'>>,
): Promise<void> {
  await db.updateTable('fulfillment').set(set).where('id', '=', id).execute()
}

export async function findFulfillments(db: Db, orderId: string, id?: string): Promise<Fulfillment[]> {
  const rows = await db
    .selectFrom('fulfillment')
    .selectAll()
    .where('order_id', '=', orderId)
    .$if(id !== undefined, (qb) => qb.where('id', '=', id!))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  if (!rows.length) return []
  const items = await db
    .selectFrom('fulfillment_item')
    .innerJoin('order_line', 'order_line.id', 'fulfillment_item.order_line_id')
    .selectAll('fulfillment_item')
    .where(
      'fulfillment_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('order_line.position')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    order_id: r.order_id,
    location_id: r.location_id,
    status: r.status,
    carrier: r.carrier,
    tracking_number: r.tracking_number,
    tracking_url: r.tracking_url,
    items: items.filter((i) => i.fulfillment_id === r.id).map((i) => ({ line_id: i.order_line_id, quantity: Number(i.quantity) })),
    created_at: toIso(r.created_at),
    shipped_at: toIsoOrNull(r.shipped_at),
    delivered_at: toIsoOrNull(r.delivered_at),
  }))
}

// ---- returns

export async function insertReturn(db: Db, r: OrderReturn): Promise<void> {
  const { items, ...row } = r
  await db.insertInto('order_return').values(row).execute()
  await db
    .insertInto('return_item')
    .values(items.map((i) => ({ return_id: r.id, order_line_id: i.line_id, quantity: i.quantity, restock: i.restock })))
    .execute()
}

export async function markReturnReceived(
  db: Db,
  id: string,
  locationId: string | null,
  restock: Map<string, boolean>,
  now: string,
): Promise<void> {
  await db.updateTable('order_return').set({ status: 'received', location_id: locationId, received_at: now }).where('id', '=', id).execute()
  for (const [lineId, value] of restock) {
    await db.updateTable('return_item').set({ restock: value }).where('return_id', '=', id).where('order_line_id', '=', lineId).execute()
  }
}

export async function findReturns(db: Db, orderId: string, id?: string): Promise<OrderReturn[]> {
  const rows = await db
    .selectFrom('order_return')
    .selectAll()
    .where('order_id', '=', orderId)
    .$if(id !== undefined, (qb) => qb.where('id', '=', id!))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  if (!rows.length) return []
  const items = await db
    .selectFrom('return_item')
    .innerJoin('order_line', 'order_line.id', 'return_item.order_line_id')
    .selectAll('return_item')
    .where(
      'return_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('order_line.position')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    order_id: r.order_id,
    status: r.status,
    reason: r.reason,
    requested_by: r.requested_by,
    location_id: r.location_id,
    items: items
      .filter((i) => i.return_id === r.id)
      .map((i) => ({ line_id: i.order_line_id, quantity: Number(i.quantity), restock: i.restock === null ? null : Boolean(i.restock) })),
    created_at: toIso(r.created_at),
    received_at: toIsoOrNull(r.received_at),
  }))
}

// ---- activity

export async function insertActivity(db: Db, a: OrderActivity & { order_id: string }): Promise<void> {
  await db
    .insertInto('order_activity')
    .values({ ...a, data: toJson(a.data) })
    .execute()
}

export async function findActivity(db: Db, orderId: string): Promise<OrderActivity[]> {
  const rows = await db
    .selectFrom('order_activity')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, type: r.type, data: parseJson(r.data, {}), actor: r.actor, created_at: toIso(r.created_at) }))
}

// ---- list

export interface OrderListFilter {
  status?: OrderLifecycleStatus | undefined
  payment_status?: PaymentLifecycleStatus | undefined
  fulfillment_status?: FulfillmentStatus | undefined
  created_from?: string | undefined
  created_to?: string | undefined
  q?: string | undefined
  customer_id?: string | undefined
  after?: [string, string] | undefined
  limit: number
}

/** Ids of orders matching the filter, newest first, one more than the limit (to know whether a next page exists). */
export async function findOrderIds(db: Db, f: OrderListFilter): Promise<{ id: string; created_at: string }[]> {
  let query = db.selectFrom('order').select(['id', 'created_at'])
  if (f.status) query = query.where('lifecycle_status', '=', f.status)
  if (f.payment_status) query = query.where('lifecycle_payment_status', '=', f.payment_status)
  if (f.fulfillment_status) query = query.where('fulfillment_status', '=', f.fulfillment_status)
  if (f.created_from) query = query.where('created_at', '>=', f.created_from)
  if (f.created_to) query = query.where('created_at', '<', f.created_to)
  if (f.customer_id) query = query.where('customer_id', '=', f.customer_id)
  if (f.q) {
    const q = f.q
    const number = /^#?\d{1,15}$/.test(q) ? Number(q.replace('#', '')) : undefined
    const like = `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([...(number !== undefined ? [eb('number', '=', number)] : []), eb(eb.fn('lower', ['email']), 'like', sql<string>`${like}`)]),
    )
  }
  if (f.after) {
    const [createdAt, id] = f.after
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]))
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute()
  return rows.map((r) => ({ id: r.id, created_at: toIso(r.created_at) }))
}

// ---- edits

/** What a new order line needs of a variant: titles, SKU and its price in `currency` (null when unpriced). */
export async function findVariantsForOrder(db: Db, ids: string[], currency: string) {
  if (!ids.length) return []
  return db
    .selectFrom('product_variant as v')
    .innerJoin('product as p', 'p.id', 'v.product_id')
    .leftJoin('price as pr', (join) => join.onRef('pr.variant_id', '=', 'v.id').on('pr.currency_code', '=', currency))
    .select([
      'v.id',
      'v.product_id',
      'v.title as variant_title',
      'v.sku',
      'v.archived_at',
      'p.title as product_title',
      'p.status',
      'pr.amount as price',
    ])
    .where('v.id', 'in', ids)
    .execute()
}

export async function updateOrderLine(
  db: Db,
  id: string,
  set: { quantity: number; subtotal: number; discount_total: number; tax_total: number; total: number; tax_lines: unknown },
): Promise<void> {
  await db
    .updateTable('order_line')
    .set({ ...set, tax_lines: toJson(set.tax_lines) })
    .where('id', '=', id)
    .execute()
}

export async function deleteOrderLine(db: Db, id: string): Promise<void> {
  await db.deleteFrom('order_line').where('id', '=', id).execute()
}

export async function insertOrderLine(
  db: Db,
  row: Omit<OrderLineTable, keyof OrderLineLifecycleColumns | 'tax_lines'> & { tax_lines: unknown },
): Promise<void> {
  await db
    .insertInto('order_line')
    .values({ ...row, tax_lines: toJson(row.tax_lines) })
    .execute()
}
