import { type Kysely, sql } from 'kysely'
import { columnTypes } from './types.js'

/** Promotions, their codes, the uses claimed at completion, and the adjustments orders keep. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('promotion')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'inactive')`))
    .addColumn('automatic', t.bool, (c) => c.notNull())
    .addColumn('rule', t.json, (c) => c.notNull())
    .addColumn('conditions', t.json, (c) => c.notNull())
    .addColumn('exclusive', t.bool, (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp)
    .addColumn('ends_at', t.timestamp)
    .addColumn('usage_limit', 'bigint')
    // Counted by conditional updates at completion (`... where usage_count < usage_limit`).
    .addColumn('usage_count', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`usage_count >= 0`))
    .addColumn('customer_usage_limit', 'bigint')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('promotion_automatic_idx').on('promotion').columns(['automatic', 'status']).execute()

  // Codes are stored uppercase: unique case-insensitively.
  await db.schema
    .createTable('promotion_code')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('promotion_id', 'text', (c) => c.notNull().references('promotion.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('usage_limit', 'bigint')
    .addColumn('usage_count', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`usage_count >= 0`))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('promotion_code_promotion_idx').on('promotion_code').columns(['promotion_id', 'created_at']).execute()

  await db.schema
    .createTable('cart_promotion')
    .addColumn('cart_id', 'text', (c) => c.notNull().references('cart.id').onDelete('cascade'))
    .addColumn('code_id', 'text', (c) => c.notNull().references('promotion_code.id').onDelete('cascade'))
    // Set once a completion failed because the code had no uses left: the buyer has been told.
    .addColumn('limit_seen_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('cart_promotion_pk', ['cart_id', 'code_id'])
    .execute()

  // One row per promotion a completing cart takes: 'claimed' until the order is written ('used'),
  // deleted (and the counters given back) on a declined payment or after expires_at.
  await db.schema
    .createTable('promotion_usage')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('promotion_id', 'text', (c) => c.notNull().references('promotion.id').onDelete('cascade'))
    .addColumn('code_id', 'text')
    .addColumn('cart_id', 'text', (c) => c.notNull())
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('claimed', 'used')`))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('promotion_usage_cart_uq', ['promotion_id', 'cart_id'])
    .execute()
  await db.schema.createIndex('promotion_usage_cart_idx').on('promotion_usage').column('cart_id').execute()
  await db.schema.createIndex('promotion_usage_expiry_idx').on('promotion_usage').columns(['status', 'expires_at']).execute()

  await db.schema
    .createTable('promotion_customer_usage')
    .addColumn('promotion_id', 'text', (c) => c.notNull().references('promotion.id').onDelete('cascade'))
    .addColumn('customer_key', 'text', (c) => c.notNull())
    .addColumn('usage_count', 'bigint', (c) => c.notNull().check(sql`usage_count >= 0`))
    .addPrimaryKeyConstraint('promotion_customer_usage_pk', ['promotion_id', 'customer_key'])
    .execute()

  // What an order got, as it was at purchase: no foreign key to the promotion, which may change or go.
  await db.schema
    .createTable('order_promotion')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('order.id').onDelete('cascade'))
    .addColumn('promotion_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rule', t.json, (c) => c.notNull())
    .addColumn('amount', t.money, (c) => c.notNull())
    .addColumn('shipping_amount', t.money, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('order_promotion_order_idx').on('order_promotion').column('order_id').execute()
  await db.schema.createIndex('order_promotion_promotion_idx').on('order_promotion').columns(['promotion_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['order_promotion', 'promotion_customer_usage', 'promotion_usage', 'cart_promotion', 'promotion_code', 'promotion']) {
    await db.schema.dropTable(table).execute()
  }
}
