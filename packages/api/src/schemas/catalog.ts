import { z } from '@hono/zod-openapi'
import { AVAILABILITIES, PRODUCT_SORTS, PRODUCT_STATUSES } from '@kassa/core'

const timestamps = { created_at: z.string().openapi({ format: 'date-time' }), updated_at: z.string().openapi({ format: 'date-time' }) }
const metadata = z.record(z.string(), z.unknown())

export const PriceSchema = z.object({ currency_code: z.string(), amount: z.number().int() }).openapi('Price')

export const TranslationSchema = z
  .object({ locale: z.string(), title: z.string().nullable(), subtitle: z.string().nullable().optional(), description: z.string().nullable() })
  .openapi('Translation')

export const VariantSchema = z
  .object({
    id: z.string(),
    product_id: z.string(),
    title: z.string(),
    sku: z.string().nullable(),
    barcode: z.string().nullable(),
    weight_grams: z.number().int().nullable(),
    position: z.number().int(),
    options: z.record(z.string(), z.string()),
    prices: z.array(PriceSchema),
    manage_inventory: z.boolean().openapi({ description: 'Whether stock is tracked; false sells without limit' }),
    allow_backorder: z.boolean().openapi({ description: 'Whether it sells beyond the stocked quantity' }),
    archived_at: z.string().nullable(),
    metadata,
    ...timestamps,
  })
  .openapi('Variant')

export const ProductSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    title: z.string(),
    subtitle: z.string().nullable(),
    description: z.string(),
    status: z.enum(PRODUCT_STATUSES),
    tags: z.array(z.string()),
    media: z.array(z.object({ id: z.string(), url: z.string(), alt: z.string().nullable(), position: z.number().int() })),
    options: z.array(z.object({ id: z.string(), title: z.string(), position: z.number().int(), values: z.array(z.string()) })),
    variants: z.array(VariantSchema),
    collection_ids: z.array(z.string()),
    category_ids: z.array(z.string()),
    translations: z.array(TranslationSchema),
    metadata,
    published_at: z.string().nullable(),
    ...timestamps,
  })
  .openapi('Product')

export const CollectionSchema = z
  .object({ id: z.string(), handle: z.string(), title: z.string(), description: z.string(), translations: z.array(TranslationSchema), metadata, ...timestamps })
  .openapi('Collection')

export const CategorySchema = CollectionSchema.extend({ parent_id: z.string().nullable(), position: z.number().int() }).openapi('Category')

export const StoreProductSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    title: z.string(),
    subtitle: z.string().nullable(),
    description: z.string(),
    locale: z.string(),
    currency_code: z.string(),
    tags: z.array(z.string()),
    thumbnail: z.string().nullable(),
    media: z.array(z.object({ url: z.string(), alt: z.string().nullable() })),
    options: z.array(z.object({ id: z.string(), title: z.string(), values: z.array(z.string()) })),
    variants: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        sku: z.string().nullable(),
        options: z.record(z.string(), z.string()),
        price: z.number().int().nullable().openapi({ description: 'Minor units of currency_code; null when the variant has no price in it' }),
        availability: z.enum(AVAILABILITIES).openapi({ description: 'Stock at the sales channel\'s location, without counts: low_stock at 5 or fewer units' }),
      }),
    ),
    price_range: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
    collection_ids: z.array(z.string()),
    category_ids: z.array(z.string()),
    ...timestamps,
  })
  .openapi('StoreProduct')

export const StoreGroupingSchema = z
  .object({ id: z.string(), handle: z.string(), title: z.string(), description: z.string(), locale: z.string() })
  .openapi('StoreCollection')

export const StoreCategorySchema = StoreGroupingSchema.extend({
  parent_id: z.string().nullable(),
  position: z.number().int(),
}).openapi('StoreCategory')

const FacetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() })
export const FacetsSchema = z
  .object({
    collection: z.array(FacetValueSchema),
    category: z.array(FacetValueSchema),
    tag: z.array(FacetValueSchema),
    options: z.array(z.object({ title: z.string(), values: z.array(FacetValueSchema) })),
    price: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  })
  .openapi('ProductFacets')

export const productSortSchema = z.enum(PRODUCT_SORTS)
