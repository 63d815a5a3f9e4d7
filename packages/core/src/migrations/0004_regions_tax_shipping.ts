import { type Kysely, sql } from 'kysely'
import { columnTypes } from './types.js'

/**
 * Regions (countries sharing a currency and a tax mode), their tax rates with per-category
 * overrides, and shipping options. A country belongs to at most one region: the primary key of
 * `region_country` says so. Rates are integers in parts per million (21% = 210000) so that
 * 8.875% is exact; the API shows them as basis points.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('region')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency_code', 'text', (c) => c.notNull())
    .addColumn('tax_inclusive', t.bool, (c) => c.notNull())
    .addColumn('tax_provider_id', 'text', (c) => c.notNull().defaultTo('system'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('region_country')
    .addColumn('country_code', 'text', (c) => c.primaryKey().check(sql`length(country_code) = 2 and country_code = lower(country_code)`))
    .addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
    .execute()
  await db.schema.createIndex('region_country_region_idx').on('region_country').column('region_id').execute()

  await db.schema
    .createTable('tax_rate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('rate_ppm', 'integer', (c) => c.notNull().check(sql`rate_ppm >= 0`))
    .addColumn('country_code', 'text')
    .addColumn('province_code', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('tax_rate_province_needs_country', sql`province_code is null or country_code is not null`)
    .execute()
  await db.schema.createIndex('tax_rate_region_idx').on('tax_rate').columns(['region_id', 'country_code']).execute()

  await db.schema
    .createTable('tax_rate_category')
    .addColumn('tax_rate_id', 'text', (c) => c.notNull().references('tax_rate.id').onDelete('cascade'))
    .addColumn('category_id', 'text', (c) => c.notNull().references('category.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('tax_rate_category_pk', ['tax_rate_id', 'category_id'])
    .execute()
  await db.schema.createIndex('tax_rate_category_category_idx').on('tax_rate_category').column('category_id').execute()

  await db.schema
    .createTable('shipping_option')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price_type', 'text', (c) => c.notNull().check(sql`price_type in ('flat', 'weight', 'calculated')`))
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('amount', t.money, (c) => c.check(sql`amount >= 0`))
    .addColumn('weight_tiers', t.json, (c) => c.notNull())
    .addColumn('free_over', t.money, (c) => c.check(sql`free_over >= 0`))
    .addColumn('countries', t.json, (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('shipping_option_region_idx').on('shipping_option').column('region_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['shipping_option', 'tax_rate_category', 'tax_rate', 'region_country', 'region']) {
    await db.schema.dropTable(table).execute()
  }
}
