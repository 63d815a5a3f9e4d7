import { type Kysely, sql } from 'kysely'
import { columnTypes } from './types.js'

/**
 * Roles (built-in and custom) and permissions for admin users, secret API keys, the audit log, allowed browser origins
 * per sales channel and the products each channel sells.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)

  await db.schema.alterTable('admin_user').addColumn('active', t.bool, (c) => c.notNull().defaultTo(true)).execute()
  await db.updateTable('admin_user').set({ role: 'manager' }).where('role', '=', 'admin').execute()
  await db.updateTable('admin_user').set({ role: 'support' }).where('role', '=', 'staff').execute()
  await db.schema.alterTable('admin_session').addColumn('revoked_at', t.timestamp).execute()

  await db.schema
    .createTable('admin_role')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('description', 'text')
    .addColumn('permissions', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('api_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('redacted', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_type', 'text', (c) => c.notNull().check(sql`actor_type in ('admin_user', 'api_key')`))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('operation_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_created_idx').on('audit_log').columns(['created_at', 'id']).execute()
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'created_at']).execute()
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_id', 'created_at']).execute()

  await db.schema.alterTable('sales_channel').addColumn('allowed_origins', t.json, (c) => c.notNull().defaultTo('[]')).execute()

  await db.schema
    .createTable('product_sales_channel')
    .addColumn('sales_channel_id', 'text', (c) => c.notNull().references('sales_channel.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('product_sales_channel_pk', ['sales_channel_id', 'product_id'])
    .execute()
  await db.schema.createIndex('product_sales_channel_product_idx').on('product_sales_channel').column('product_id').execute()
  // Every existing product stays visible where it was: in the default channel.
  await sql`insert into product_sales_channel (sales_channel_id, product_id)
    select c.id, p.id from product p cross join sales_channel c where c.is_default = ${sql.lit(true)}`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['product_sales_channel', 'audit_log', 'api_key', 'admin_role']) await db.schema.dropTable(table).execute()
  await db.schema.alterTable('sales_channel').dropColumn('allowed_origins').execute()
  await db.schema.alterTable('admin_session').dropColumn('revoked_at').execute()
  await db.updateTable('admin_user').set({ role: 'admin' }).where('role', '=', 'manager').execute()
  await db.updateTable('admin_user').set({ role: 'staff' }).where('role', '=', 'support').execute()
  await db.schema.alterTable('admin_user').dropColumn('active').execute()
}
