import { type Kysely, sql } from 'kysely'
import { columnTypes } from './types.js'

/** Customer accounts, their sessions, one-time tokens and addresses; carts and orders gain an owner; login throttling. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)
  await db.schema
    .createTable('customer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email_verified', t.bool, (c) => c.notNull())
    .addColumn('erased_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('customer_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id').onDelete('cascade'))
    .addColumn('sales_channel_id', 'text', (c) => c.notNull().references('sales_channel.id').onDelete('cascade'))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('customer_session_customer_idx').on('customer_session').column('customer_id').execute()

  await db.schema
    .createTable('customer_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('password_reset', 'email_verification')`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('customer_address')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id').onDelete('cascade'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('address_1', 'text', (c) => c.notNull())
    .addColumn('address_2', 'text')
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('province', 'text')
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('is_default_shipping', t.bool, (c) => c.notNull())
    .addColumn('is_default_billing', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('customer_address_customer_idx').on('customer_address').column('customer_id').execute()

  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_allowed_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema.alterTable('cart').addColumn('customer_id', 'text', (c) => c.references('customer.id').onDelete('set null')).execute()
  await db.schema.createIndex('cart_customer_idx').on('cart').columns(['customer_id', 'status']).execute()
  await db.schema.alterTable('order').addColumn('customer_id', 'text', (c) => c.references('customer.id').onDelete('set null')).execute()
  await db.schema.createIndex('order_customer_idx').on('order').columns(['customer_id', 'created_at']).execute()
  await db.schema.createIndex('order_email_idx').on('order').column('email').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['order_email_idx', 'order_customer_idx', 'cart_customer_idx']) await db.schema.dropIndex(index).execute()
  await db.schema.alterTable('order').dropColumn('customer_id').execute()
  await db.schema.alterTable('cart').dropColumn('customer_id').execute()
  for (const table of ['auth_throttle', 'customer_address', 'customer_token', 'customer_session', 'customer']) {
    await db.schema.dropTable(table).execute()
  }
}
