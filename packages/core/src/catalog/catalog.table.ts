import type { ColumnType, Generated } from 'kysely'

/** Timestamps are written as ISO strings and read as Date (PostgreSQL) or text (SQLite). */
export type Timestamp = ColumnType<Date | string, string, string>
export type Json = ColumnType<unknown, string, string>
export type Bool = ColumnType<boolean | number, boolean, boolean>
/** A boolean column with a database default: optional on insert. */
export type DefaultedBool = ColumnType<boolean | number, boolean | undefined, boolean>

export interface ProductTable {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string
  status: 'draft' | 'published' | 'archived'
  metadata: Json
  published_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ProductTranslationTable {
  product_id: string
  locale: string
  title: string | null
  subtitle: string | null
  description: string | null
}

export interface ProductOptionTable {
  id: string
  product_id: string
  title: string
  position: number
}

export interface ProductOptionValueTable {
  id: string
  option_id: string
  value: string
  position: number
}

export interface ProductVariantTable {
  id: string
  product_id: string
  title: string
  sku: string | null
  barcode: string | null
  weight_grams: number | null
  position: number
  archived_at: Timestamp | null
  metadata: Json
  manage_inventory: DefaultedBool
  allow_backorder: DefaultedBool
  created_at: Timestamp
  updated_at: Timestamp
}

export interface VariantOptionValueTable {
  variant_id: string
  option_value_id: string
}

export interface PriceTable {
  id: string
  variant_id: string
  currency_code: string
  amount: number
}

export interface ProductMediaTable {
  id: string
  product_id: string
  url: string
  alt: string | null
  position: number
}

export interface ProductTagTable {
  product_id: string
  value: string
}

export interface CollectionTable {
  id: string
  handle: string
  title: string
  description: string
  metadata: Json
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CategoryTable extends CollectionTable {
  parent_id: string | null
  position: Generated<number>
}

export interface CollectionTranslationTable {
  collection_id: string
  locale: string
  title: string | null
  description: string | null
}

export interface CategoryTranslationTable {
  category_id: string
  locale: string
  title: string | null
  description: string | null
}

export interface ProductCollectionTable {
  collection_id: string
  product_id: string
  position: Generated<number>
}

export interface ProductCategoryTable {
  category_id: string
  product_id: string
  position: Generated<number>
}

export interface CatalogTables {
  product: ProductTable
  product_translation: ProductTranslationTable
  product_option: ProductOptionTable
  product_option_value: ProductOptionValueTable
  product_variant: ProductVariantTable
  variant_option_value: VariantOptionValueTable
  price: PriceTable
  product_media: ProductMediaTable
  product_tag: ProductTagTable
  collection: CollectionTable
  collection_translation: CollectionTranslationTable
  product_collection: ProductCollectionTable
  category: CategoryTable
  category_translation: CategoryTranslationTable
  product_category: ProductCategoryTable
  catalog_version: CatalogVersionTable
  catalog_change: CatalogChangeTable
  product_view: ProductViewTable
}

/** A product as the Store API shows it, kept by the indexer (`product-view.ts`). */
export interface ProductViewTable {
  product_id: string
  format: number
  data: string
}

/** A counter per cached scope (`catalog`), raised with every change the Store API shows. */
export interface CatalogVersionTable {
  scope: string
  version: ColumnType<number | string, number, number>
}

/** A product changed at a `facets` version (`*`: anything may have changed). */
export interface CatalogChangeTable {
  version: ColumnType<number | string, number, never>
  product_id: string
}
