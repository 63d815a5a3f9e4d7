import type { Kysely } from 'kysely'
import { writeProductViews } from '../catalog/product-view.js'
import type { Database } from '../db/database.js'

/** Products per backfill step. */
const STEP = 1000

/**
 * Each product as the Store API shows it, in every locale and currency (one JSON document), kept
 * by the catalog indexer in the transaction of every product write: a product read is one
 * primary-key lookup instead of a statement with a JSON subquery per relation. `format` names the
 * document's shape; a row of another format is read as missing (and rebuilt live). Existing
 * catalogs are backfilled here, in keyset steps over all products (a draft's document is what a
 * publish would write, and documents are read whatever the status).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('product_view')
    .addColumn('product_id', 'text', (c) => c.primaryKey().references('product.id').onDelete('cascade'))
    .addColumn('format', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute()
  for (let after = ''; ;) {
    const rows = await db.selectFrom('product').select('id').where('id', '>', after).orderBy('id').limit(STEP).execute()
    if (rows.length)
      await writeProductViews(
        db as Kysely<Database>,
        rows.map((r) => r.id as string),
      )
    if (rows.length < STEP) break
    after = rows[rows.length - 1]!.id as string
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_view').execute()
}
