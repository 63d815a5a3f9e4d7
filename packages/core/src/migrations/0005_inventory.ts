import { type Kysely, sql } from 'kysely'
import { columnTypes } from './types.js'

/**
 * Stock per variant per location, and reservations held by carts and orders. The rule
 * "never more reserved than stocked, unless the variant allows backorders" is a CHECK on the
 * level itself: `allow_backorder` is copied onto each level and kept equal to the variant's by a
 * composite foreign key with ON UPDATE CASCADE, so the database refuses an oversell whatever
 * code path writes it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .alterTable('product_variant')
    .addColumn('manage_inventory', t.bool, (c) => c.notNull().defaultTo(true))
    .execute()
  await db.schema
    .alterTable('product_variant')
    .addColumn('allow_backorder', t.bool, (c) => c.notNull().defaultTo(false))
    .execute()
  await db.schema.createIndex('product_variant_backorder_uq').on('product_variant').columns(['id', 'allow_backorder']).unique().execute()

  await db.schema
    .createTable('stock_location')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  // The location a sales channel sells from: one per channel.
  await db.schema
    .createTable('sales_channel_location')
    .addColumn('sales_channel_id', 'text', (c) => c.primaryKey().references('sales_channel.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_location.id').onDelete('cascade'))
    .execute()

  await db.schema
    .createTable('inventory_level')
    .addColumn('variant_id', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_location.id').onDelete('restrict'))
    .addColumn('allow_backorder', t.bool, (c) => c.notNull())
    .addColumn('stocked_quantity', 'integer', (c) => c.notNull().check(sql`stocked_quantity >= 0`))
    .addColumn('reserved_quantity', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`reserved_quantity >= 0`),
    )
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('inventory_level_pk', ['variant_id', 'location_id'])
    .addForeignKeyConstraint(
      'inventory_level_variant_fk',
      ['variant_id', 'allow_backorder'],
      'product_variant',
      ['id', 'allow_backorder'],
      (fk) => fk.onDelete('cascade').onUpdate('cascade'),
    )
    .addCheckConstraint('inventory_level_not_oversold', sql`allow_backorder or reserved_quantity <= stocked_quantity`)
    .execute()
  await db.schema.createIndex('inventory_level_location_idx').on('inventory_level').column('location_id').execute()

  await db.schema
    .createTable('reservation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cart_id', 'text', (c) => c.notNull())
    .addColumn('variant_id', 'text', (c) => c.notNull().references('product_variant.id').onDelete('restrict'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('stock_location.id').onDelete('restrict'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('expires_at', t.timestamp)
    .addColumn('order_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('reservation_cart_idx').on('reservation').columns(['cart_id', 'order_id']).execute()
  await db.schema.createIndex('reservation_order_idx').on('reservation').column('order_id').execute()
  await db.schema
    .createIndex('reservation_expiry_idx')
    .on('reservation')
    .column('expires_at')
    .where(sql.ref('order_id'), 'is', null)
    .execute()
  await db.schema.createIndex('reservation_variant_idx').on('reservation').column('variant_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['reservation', 'inventory_level', 'sales_channel_location', 'stock_location'])
    await db.schema.dropTable(table).execute()
  await db.schema.dropIndex('product_variant_backorder_uq').execute()
  await db.schema.alterTable('product_variant').dropColumn('allow_backorder').execute()
  await db.schema.alterTable('product_variant').dropColumn('manage_inventory').execute()
}
