import type { Kysely } from 'kysely'

/**
 * Which products each `facets` version changed: in-process facet indexes catch up by reloading
 * only these products. Written in the transaction that raises the version, so a reader that sees
 * version N sees every row up to N. `*` stands for "anything may have changed". Writers prune
 * rows far behind the current version; a reader that far behind reloads everything.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_change')
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_change_pk', ['version', 'product_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_change').execute()
}
