import type { Kysely } from 'kysely'

/**
 * Each published product's lowest and highest live variant price per currency, kept by the
 * search indexer: price sorts and the price facet read one row per product instead of
 * aggregating variants and prices on every query. See docs/adr/0002-search.md.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_price')
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('currency_code', 'text', (c) => c.notNull())
    .addColumn('min_amount', 'bigint', (c) => c.notNull())
    .addColumn('max_amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_price_pk', ['product_id', 'currency_code'])
    .execute()
  await db.schema
    .createIndex('search_price_currency_idx')
    .on('search_price')
    .columns(['currency_code', 'min_amount', 'product_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_price').execute()
}
