import { type Kysely, sql } from 'kysely'
import { columnTypes } from './types.js'

/** Files uploaded over the Admin API (product media), so they can be listed and deleted. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('uploaded_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('storage', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text')
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull().check(sql`size_bytes >= 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('uploaded_file_created_idx').on('uploaded_file').columns(['created_at', 'id']).execute()
  await db.schema.createIndex('uploaded_file_key_idx').on('uploaded_file').columns(['storage', 'key']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('uploaded_file').execute()
}
