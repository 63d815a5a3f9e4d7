import type { Kysely } from 'kysely'
import { writeFacetRows } from '../search/facet-source.repository.js'
import type { SearchDb } from '../search/search.table.js'

/** Products per backfill step. */
const STEP = 2000

/**
 * One facet row per published product (`data`: the facet index's compact encoding), kept by the
 * search indexer in the transaction that writes the product's search documents: the facet index
 * loads these rows instead of joining eight tables per chunk. See docs/adr/0014-facet-index.md.
 * Existing catalogs are backfilled here, in keyset steps over the published products.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('product_facet_source')
    .addColumn('product_id', 'text', (c) => c.primaryKey().references('product.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .execute()
  for (let after = ''; ;) {
    const rows = await db
      .selectFrom('product')
      .select('id')
      .where('status', '=', 'published')
      .where('id', '>', after)
      .orderBy('id')
      .limit(STEP)
      .execute()
    if (rows.length)
      await writeFacetRows(
        db as SearchDb,
        rows.map((r) => r.id as string),
      )
    if (rows.length < STEP) break
    after = rows[rows.length - 1]!.id as string
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_facet_source').execute()
}
