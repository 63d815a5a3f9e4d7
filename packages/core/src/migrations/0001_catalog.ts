import { type Kysely, sql } from 'kysely'
import { columnTypes } from './types.js'

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)

  await db.schema
    .createTable('sales_channel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('is_default', t.bool, (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('publishable_key')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sales_channel_id', 'text', (c) => c.notNull().references('sales_channel.id').onDelete('cascade'))
    .addColumn('revoked_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('admin_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('admin_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('admin_user_id', 'text', (c) => c.notNull().references('admin_user.id').onDelete('cascade'))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('product')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('handle', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'archived')`))
    .addColumn('metadata', t.json, (c) => c.notNull())
    .addColumn('published_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('product_status_created_idx').on('product').columns(['status', 'created_at', 'id']).execute()
  await db.schema.createIndex('product_status_title_idx').on('product').columns(['status', 'title', 'id']).execute()

  await db.schema
    .createTable('product_translation')
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('subtitle', 'text')
    .addColumn('description', 'text')
    .addPrimaryKeyConstraint('product_translation_pk', ['product_id', 'locale'])
    .execute()

  await db.schema
    .createTable('product_option')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('product_option_title_uq', ['product_id', 'title'])
    .execute()

  await db.schema
    .createTable('product_option_value')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('option_id', 'text', (c) => c.notNull().references('product_option.id').onDelete('cascade'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('product_option_value_uq', ['option_id', 'value'])
    .execute()
  await db.schema.createIndex('product_option_value_value_idx').on('product_option_value').column('value').execute()

  await db.schema
    .createTable('product_variant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.unique())
    .addColumn('barcode', 'text')
    .addColumn('weight_grams', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived_at', t.timestamp)
    .addColumn('metadata', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('product_variant_product_idx').on('product_variant').columns(['product_id', 'position']).execute()

  await db.schema
    .createTable('variant_option_value')
    .addColumn('variant_id', 'text', (c) => c.notNull().references('product_variant.id').onDelete('cascade'))
    .addColumn('option_value_id', 'text', (c) => c.notNull().references('product_option_value.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('variant_option_value_pk', ['variant_id', 'option_value_id'])
    .execute()
  await db.schema.createIndex('variant_option_value_value_idx').on('variant_option_value').column('option_value_id').execute()

  await db.schema
    .createTable('price')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('variant_id', 'text', (c) => c.notNull().references('product_variant.id').onDelete('cascade'))
    .addColumn('currency_code', 'text', (c) => c.notNull())
    .addColumn('amount', t.money, (c) => c.notNull().check(sql`amount >= 0`))
    .addUniqueConstraint('price_variant_currency_uq', ['variant_id', 'currency_code'])
    .execute()
  await db.schema.createIndex('price_currency_amount_idx').on('price').columns(['currency_code', 'amount']).execute()

  await db.schema
    .createTable('product_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('alt', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('product_media_product_idx').on('product_media').columns(['product_id', 'position']).execute()

  await db.schema
    .createTable('product_tag')
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_tag_pk', ['product_id', 'value'])
    .execute()
  await db.schema.createIndex('product_tag_value_idx').on('product_tag').columns(['value', 'product_id']).execute()

  for (const entity of ['collection', 'category'] as const) {
    let table = db.schema
      .createTable(entity)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('handle', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('metadata', t.json, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    if (entity === 'category') {
      table = table
        .addColumn('parent_id', 'text', (c) => c.references('category.id').onDelete('restrict'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    }
    await table.execute()

    await db.schema
      .createTable(`${entity}_translation`)
      .addColumn(`${entity}_id`, 'text', (c) => c.notNull().references(`${entity}.id`).onDelete('cascade'))
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('description', 'text')
      .addPrimaryKeyConstraint(`${entity}_translation_pk`, [`${entity}_id`, 'locale'])
      .execute()

    await db.schema
      .createTable(`product_${entity}`)
      .addColumn(`${entity}_id`, 'text', (c) => c.notNull().references(`${entity}.id`).onDelete('cascade'))
      .addColumn('product_id', 'text', (c) => c.notNull().references('product.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint(`product_${entity}_pk`, [`${entity}_id`, 'product_id'])
      .execute()
    await db.schema.createIndex(`product_${entity}_product_idx`).on(`product_${entity}`).column('product_id').execute()
  }
  await db.schema.createIndex('category_parent_idx').on('category').columns(['parent_id', 'position']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'product_category', 'category_translation', 'category', 'product_collection', 'collection_translation',
    'collection', 'product_tag', 'product_media', 'price', 'variant_option_value', 'product_variant',
    'product_option_value', 'product_option', 'product_translation', 'product', 'admin_session', 'admin_user',
    'publishable_key', 'sales_channel',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
