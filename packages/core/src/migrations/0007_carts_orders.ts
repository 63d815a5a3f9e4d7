import { type Kysely, sql } from 'kysely'
import { columnTypes } from './types.js'

/** Order numbers are human-readable and start here (the first order is 1001). */
const FIRST_ORDER_NUMBER = 1001

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)

  // region_id stays plain text: regions live in their own module and a cart outlives nothing there.
  await db.schema
    .createTable('cart')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sales_channel_id', 'text', (c) => c.notNull().references('sales_channel.id').onDelete('cascade'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('currency_code', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('shipping_address', t.json)
    .addColumn('billing_address', t.json)
    .addColumn('shipping_option_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'completing', 'requires_action', 'completed')`))
    .addColumn('claimed_at', t.timestamp)
    .addColumn('order_id', 'text')
    .addColumn('completed_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('cart_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cart_id', 'text', (c) => c.notNull().references('cart.id').onDelete('cascade'))
    .addColumn('variant_id', 'text', (c) => c.notNull().references('product_variant.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity between 1 and 1000`))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('cart_line_variant_uq', ['cart_id', 'variant_id'])
    .execute()

  // One payment session per cart; replacing it gives a new id (the provider's idempotency key).
  // Card data never arrives here: only the provider's token.
  await db.schema
    .createTable('cart_payment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cart_id', 'text', (c) => c.notNull().unique().references('cart.id').onDelete('cascade'))
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('token', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'requires_action', 'authorized', 'awaiting', 'declined', 'canceled')`),
    )
    .addColumn('provider_ref', 'text')
    .addColumn('amount', t.money)
    .addColumn('snapshot', t.json)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('order_counter')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'bigint', (c) => c.notNull())
    .execute()
  await db
    .insertInto('order_counter')
    .values({ id: 'default', last_number: FIRST_ORDER_NUMBER - 1 })
    .execute()

  await db.schema
    .createTable('order')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'bigint', (c) => c.notNull().unique())
    .addColumn('cart_id', 'text', (c) => c.notNull().unique().references('cart.id').onDelete('restrict'))
    .addColumn('sales_channel_id', 'text', (c) => c.notNull().references('sales_channel.id').onDelete('restrict'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'completed', 'canceled')`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('currency_code', 'text', (c) => c.notNull())
    .addColumn('tax_inclusive', t.bool, (c) => c.notNull())
    .addColumn('shipping_address', t.json, (c) => c.notNull())
    .addColumn('billing_address', t.json)
    .addColumn('shipping_method', t.json, (c) => c.notNull())
    .addColumn('subtotal', t.money, (c) => c.notNull())
    .addColumn('discount_total', t.money, (c) => c.notNull())
    .addColumn('shipping_total', t.money, (c) => c.notNull())
    .addColumn('tax_total', t.money, (c) => c.notNull())
    .addColumn('total', t.money, (c) => c.notNull().check(sql`total >= 0`))
    .addColumn('payment_provider_id', 'text', (c) => c.notNull())
    .addColumn('payment_status', 'text', (c) =>
      c.notNull().check(sql`payment_status in ('authorized', 'awaiting', 'captured', 'refunded', 'canceled')`),
    )
    .addColumn('payment_ref', 'text')
    .addColumn('order_token', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('order_created_idx').on('order').columns(['created_at', 'id']).execute()

  // RESTRICT: a variant that an order names cannot be deleted (archive it instead).
  await db.schema
    .createTable('order_line')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('order.id').onDelete('cascade'))
    .addColumn('variant_id', 'text', (c) => c.notNull().references('product_variant.id').onDelete('restrict'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_title', 'text', (c) => c.notNull())
    .addColumn('variant_title', 'text', (c) => c.notNull())
    .addColumn('sku', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity between 1 and 1000`))
    .addColumn('unit_price', t.money, (c) => c.notNull())
    .addColumn('subtotal', t.money, (c) => c.notNull())
    .addColumn('discount_total', t.money, (c) => c.notNull())
    .addColumn('tax_total', t.money, (c) => c.notNull())
    .addColumn('total', t.money, (c) => c.notNull())
    .addColumn('tax_lines', t.json, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('order_line_order_idx').on('order_line').columns(['order_id', 'position']).execute()
  await db.schema.createIndex('order_line_variant_idx').on('order_line').column('variant_id').execute()

  // Idempotency-Key: the first response to (scope, key) is kept and replayed.
  await db.schema
    .createTable('idempotency_key')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('in_flight', 'done')`))
    .addColumn('response_status', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('locked_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_key_pk', ['scope', 'key'])
    .execute()
  await db.schema.createIndex('idempotency_key_created_idx').on('idempotency_key').column('created_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['idempotency_key', 'order_line', 'order', 'order_counter', 'cart_payment', 'cart_line', 'cart']) {
    await db.schema.dropTable(table).execute()
  }
}
