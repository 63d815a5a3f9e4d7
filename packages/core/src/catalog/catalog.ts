import { z } from 'zod'
import { defineError } from '../kernel/errors.js'
import { amountSchema, currencySchema, handleSchema, idSchema, localeSchema, metadataSchema } from '../kernel/schemas.js'

export const PRODUCT_STATUSES = ['draft', 'published', 'archived'] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]

const title = z.string().trim().min(1).max(255)
const tag = z.string().trim().min(1).max(64)

export const priceInputSchema = z.strictObject({ currency_code: currencySchema, amount: amountSchema })

export const mediaInputSchema = z.strictObject({
  url: z.string().max(2000).refine((u) => /^(https?:\/\/|\/)/.test(u), 'an http(s) URL or a path on this server'),
  alt: z.string().max(500).nullable().optional(),
})

export const productTranslationInputSchema = z.strictObject({
  locale: localeSchema,
  title: title.nullable().optional(),
  subtitle: z.string().max(255).nullable().optional(),
  description: z.string().max(20000).nullable().optional(),
})

export const optionInputSchema = z.strictObject({
  title,
  values: z.array(z.string().trim().min(1).max(100)).min(1).max(100),
})

export const optionUpdateSchema = z.strictObject({
  title: title.optional(),
  values: z.array(z.string().trim().min(1).max(100)).min(1).max(100).optional(),
})

export const variantInputSchema = z.strictObject({
  title: title.optional(),
  sku: z.string().trim().min(1).max(100).nullable().optional(),
  barcode: z.string().trim().min(1).max(100).nullable().optional(),
  weight_grams: z.number().int().min(0).max(10_000_000).nullable().optional(),
  options: z.record(z.string().max(255), z.string().max(100)).optional(),
  prices: z.array(priceInputSchema).max(50).optional(),
  metadata: metadataSchema.optional(),
  manage_inventory: z.boolean().optional(),
  allow_backorder: z.boolean().optional(),
})

export const variantUpdateSchema = variantInputSchema.omit({ options: true })

const productFields = {
  handle: handleSchema.optional(),
  title,
  subtitle: z.string().max(255).nullable().optional(),
  description: z.string().max(20000).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  tags: z.array(tag).max(50).optional(),
  media: z.array(mediaInputSchema).max(50).optional(),
  collection_ids: z.array(idSchema).max(50).optional(),
  category_ids: z.array(idSchema).max(50).optional(),
  translations: z.array(productTranslationInputSchema).max(20).optional(),
  metadata: metadataSchema.optional(),
}

export const productCreateSchema = z.strictObject({
  ...productFields,
  options: z.array(optionInputSchema).max(10).optional(),
  variants: z.array(variantInputSchema).max(250).optional(),
})

export const productUpdateSchema = z.strictObject({ ...productFields, title: title.optional() })

export const collectionTranslationInputSchema = z.strictObject({
  locale: localeSchema,
  title: title.nullable().optional(),
  description: z.string().max(20000).nullable().optional(),
})

export const collectionCreateSchema = z.strictObject({
  handle: handleSchema.optional(),
  title,
  description: z.string().max(20000).optional(),
  translations: z.array(collectionTranslationInputSchema).max(20).optional(),
  metadata: metadataSchema.optional(),
})
export const collectionUpdateSchema = collectionCreateSchema.partial()

export const categoryCreateSchema = collectionCreateSchema.extend({
  parent_id: idSchema.nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
})
export const categoryUpdateSchema = categoryCreateSchema.partial()

export const collectionProductsSchema = z.strictObject({
  add: z.array(idSchema).max(500).optional(),
  remove: z.array(idSchema).max(500).optional(),
})

export type PriceInput = z.infer<typeof priceInputSchema>
export type VariantInput = z.infer<typeof variantInputSchema>
export type VariantUpdate = z.infer<typeof variantUpdateSchema>
export type OptionInput = z.infer<typeof optionInputSchema>
export type OptionUpdate = z.infer<typeof optionUpdateSchema>
export type CreateProductInput = z.infer<typeof productCreateSchema>
export type UpdateProductInput = z.infer<typeof productUpdateSchema>
export type CreateCollectionInput = z.infer<typeof collectionCreateSchema>
export type UpdateCollectionInput = z.infer<typeof collectionUpdateSchema>
export type CreateCategoryInput = z.infer<typeof categoryCreateSchema>
export type UpdateCategoryInput = z.infer<typeof categoryUpdateSchema>

export interface Price {
  currency_code: string
  amount: number
}

export interface Variant {
  id: string
  product_id: string
  title: string
  sku: string | null
  barcode: string | null
  weight_grams: number | null
  position: number
  options: Record<string, string>
  prices: Price[]
  /** Whether stock is tracked: false sells without limit and reserves nothing. */
  manage_inventory: boolean
  /** Whether it sells beyond the stocked quantity. */
  allow_backorder: boolean
  archived_at: string | null
  metadata: Record<string, unknown>
  created_at: string
  updated_at: string
}

export interface ProductOption {
  id: string
  title: string
  position: number
  values: string[]
}

export interface Media {
  id: string
  url: string
  alt: string | null
  position: number
}

export interface Translation {
  locale: string
  title: string | null
  subtitle?: string | null
  description: string | null
}

/** A product as the admin sees it: every translation, every price. */
export interface Product {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string
  status: ProductStatus
  tags: string[]
  media: Media[]
  options: ProductOption[]
  variants: Variant[]
  collection_ids: string[]
  category_ids: string[]
  translations: Translation[]
  metadata: Record<string, unknown>
  published_at: string | null
  created_at: string
  updated_at: string
}

export interface Collection {
  id: string
  handle: string
  title: string
  description: string
  translations: Translation[]
  metadata: Record<string, unknown>
  created_at: string
  updated_at: string
}

export interface Category extends Collection {
  parent_id: string | null
  position: number
}

export const CatalogErrors = {
  productNotFound: defineError('product.not_found', 'not_found', (idOrHandle: string) => `Product ${idOrHandle} not found`),
  handleTaken: defineError('product.handle_taken', 'conflict', (handle: string) => `A product with handle ${handle} exists`),
  skuTaken: defineError('variant.sku_taken', 'conflict', (sku: string) => `A variant with SKU ${sku} exists`),
  variantNotFound: defineError('variant.not_found', 'not_found', (id: string) => `Variant ${id} not found`),
  variantInUse: defineError('variant.in_use', 'conflict', (id: string) => `Variant ${id} is used by orders: archive it instead`),
  variantOptionInvalid: defineError('variant.option_invalid', 'invalid', (detail: string) => detail),
  variantOptionsDuplicate: defineError('variant.options_duplicate', 'conflict', (combo: string) => `Another variant already has options ${combo}`),
  optionNotFound: defineError('option.not_found', 'not_found', (id: string) => `Option ${id} not found`),
  optionValueInUse: defineError('option.value_in_use', 'conflict', (v: string) => `Variants use the option value ${v}: delete or archive them first`),
  optionTitleTaken: defineError('option.title_taken', 'conflict', (t: string) => `The product already has an option ${t}`),
  collectionNotFound: defineError('collection.not_found', 'not_found', (id: string) => `Collection ${id} not found`),
  collectionHandleTaken: defineError('collection.handle_taken', 'conflict', (h: string) => `A collection with handle ${h} exists`),
  categoryNotFound: defineError('category.not_found', 'not_found', (id: string) => `Category ${id} not found`),
  categoryHandleTaken: defineError('category.handle_taken', 'conflict', (h: string) => `A category with handle ${h} exists`),
  categoryCycle: defineError('category.cycle', 'conflict', (id: string) => `Category ${id} cannot be its own ancestor`),
  categoryHasChildren: defineError('category.has_children', 'conflict', (id: string) => `Category ${id} has subcategories: move or delete them first`),
}

/** Makes a URL handle from a title: `Linen Shirt (Blue)` -> `linen-shirt-blue`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/g, '')
  return slug || 'item'
}
