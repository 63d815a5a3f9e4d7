import type { Kysely } from 'kysely'

/**
 * Each product as the Store API shows it, in every locale and currency (one JSON document), kept
 * by the catalog indexer in the transaction of every product write: a product read is one
 * primary-key lookup instead of a statement with a JSON subquery per relation. `format` names the
 * document's shape; a row of another format is read as missing (and rebuilt live).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('product_view')
    .addColumn('product_id', 'text', (c) => c.primaryKey().references('product.id').onDelete('cascade'))
    .addColumn('format', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_view').execute()
}
