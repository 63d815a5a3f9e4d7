import { type Kysely, sql } from 'kysely'
import { columnTypes } from './types.js'

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))

/**
 * The order lifecycle: order, payment and fulfillment status as state machines, captured and
 * refunded amounts, fulfillments, returns, payment transactions and a per-order activity log.
 * The status columns of 0007 keep the status at placement: a CHECK on SQLite cannot be widened
 * without rebuilding the table, so the lifecycle statuses are new columns (ADR 0007).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  const alterOrder = () => db.schema.alterTable('order')
  await alterOrder()
    .addColumn('lifecycle_status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`lifecycle_status in (${list(['pending', 'completed', 'canceled', 'archived'])})`),
    )
    .execute()
  await alterOrder()
    .addColumn('lifecycle_payment_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('awaiting')
        .check(
          sql`lifecycle_payment_status in (${list(['awaiting', 'authorized', 'partially_captured', 'captured', 'partially_refunded', 'refunded', 'canceled'])})`,
        ),
    )
    .execute()
  await alterOrder()
    .addColumn('fulfillment_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('not_fulfilled')
        .check(
          sql`fulfillment_status in (${list(['not_fulfilled', 'partially_fulfilled', 'fulfilled', 'partially_shipped', 'shipped', 'delivered', 'partially_returned', 'returned'])})`,
        ),
    )
    .execute()
  for (const column of ['authorized_amount', 'captured_amount', 'refunded_amount', 'outstanding_amount']) {
    await alterOrder()
      .addColumn(column, t.money, (c) => c.notNull().defaultTo(0).check(sql`${sql.ref(column)} >= 0`))
      .execute()
  }
  await alterOrder().addColumn('canceled_at', t.timestamp).execute()
  await db
    .updateTable('order')
    .set({
      lifecycle_status: sql`status`,
      lifecycle_payment_status: sql`payment_status`,
      authorized_amount: sql`case when payment_status = 'authorized' then total else 0 end`,
      captured_amount: sql`case when payment_status in ('captured', 'refunded') then total else 0 end`,
      refunded_amount: sql`case when payment_status = 'refunded' then total else 0 end`,
    })
    .execute()
  await db.schema.createIndex('order_lifecycle_idx').on('order').columns(['lifecycle_status', 'created_at']).execute()

  for (const column of ['fulfilled_quantity', 'shipped_quantity', 'delivered_quantity', 'returned_quantity']) {
    await db.schema
      .alterTable('order_line')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0).check(sql`${sql.ref(column)} >= 0`))
      .execute()
  }

  await db.schema
    .createTable('fulfillment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('order.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_location.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('fulfilled', 'shipped', 'delivered')`))
    .addColumn('carrier', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('tracking_url', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('shipped_at', t.timestamp)
    .addColumn('delivered_at', t.timestamp)
    .execute()
  await db.schema.createIndex('fulfillment_order_idx').on('fulfillment').columns(['order_id', 'created_at']).execute()
  await db.schema
    .createTable('fulfillment_item')
    .addColumn('fulfillment_id', 'text', (c) => c.notNull().references('fulfillment.id').onDelete('cascade'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('order_line.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addPrimaryKeyConstraint('fulfillment_item_pk', ['fulfillment_id', 'order_line_id'])
    .execute()

  await db.schema
    .createTable('order_return')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('order.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'received')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().check(sql`requested_by in ('customer', 'admin')`))
    .addColumn('location_id', 'text', (c) => c.references('stock_location.id').onDelete('restrict'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('received_at', t.timestamp)
    .execute()
  await db.schema.createIndex('order_return_order_idx').on('order_return').columns(['order_id', 'created_at']).execute()
  await db.schema
    .createTable('return_item')
    .addColumn('return_id', 'text', (c) => c.notNull().references('order_return.id').onDelete('cascade'))
    .addColumn('order_line_id', 'text', (c) => c.notNull().references('order_line.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('restock', t.bool)
    .addPrimaryKeyConstraint('return_item_pk', ['return_id', 'order_line_id'])
    .execute()

  // Every capture, refund and void, written before the provider is called (pending) and settled after.
  await db.schema
    .createTable('payment_transaction')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('order.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('capture', 'refund', 'cancel')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'succeeded', 'failed')`))
    .addColumn('amount', t.money, (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('return_id', 'text', (c) => c.references('order_return.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('payment_transaction_order_idx').on('payment_transaction').columns(['order_id', 'created_at']).execute()

  // The order's timeline: one row per change and per internal note, beside the outbox event.
  await db.schema
    .createTable('order_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('order.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('order_activity_order_idx').on('order_activity').columns(['order_id', 'created_at', 'id']).execute()

  // A draft order is a cart an admin fills (a phone order); converting it completes the cart.
  await db.schema
    .createTable('draft_order')
    .addColumn('cart_id', 'text', (c) => c.primaryKey().references('cart.id').onDelete('cascade'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['draft_order', 'order_activity', 'payment_transaction', 'return_item', 'order_return', 'fulfillment_item', 'fulfillment']) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.dropIndex('order_lifecycle_idx').execute()
  for (const column of ['fulfilled_quantity', 'shipped_quantity', 'delivered_quantity', 'returned_quantity']) {
    await db.schema.alterTable('order_line').dropColumn(column).execute()
  }
  for (const column of [
    'canceled_at',
    'outstanding_amount',
    'refunded_amount',
    'captured_amount',
    'authorized_amount',
    'fulfillment_status',
    'lifecycle_payment_status',
    'lifecycle_status',
  ]) {
    await db.schema.alterTable('order').dropColumn(column).execute()
  }
}
