import type { Kysely } from 'kysely'
import { columnTypes } from './types.js'

/** The transactional outbox: events written in the same transaction as the change they describe. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('event_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('published_at', t.timestamp)
    .execute()
  await db.schema.createIndex('event_outbox_unpublished_idx').on('event_outbox').columns(['published_at', 'created_at']).execute()
  await db.schema.createIndex('event_outbox_type_idx').on('event_outbox').columns(['type', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_outbox').execute()
}
