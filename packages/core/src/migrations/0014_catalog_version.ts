import type { Kysely } from 'kysely'

/**
 * One counter per cached scope, raised in the transaction of every change a Store API reader can
 * see. Caches compare it before serving: one primary-key read, in commit order (the row lock
 * orders writers), so a process never serves what another process has changed since.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_version')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
  // `catalog`: anything the Store API shows; `facets`: the same but stock, which facet counts ignore.
  await db
    .insertInto('catalog_version')
    .values([
      { scope: 'catalog', version: 0 },
      { scope: 'facets', version: 0 },
    ])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_version').execute()
}
