import type { Product, Translation } from './catalog.js'

/** What a shopper sees of a variant's stock (the inventory module computes it). */
export type StoreAvailability = 'in_stock' | 'low_stock' | 'out_of_stock'

/** A product as a shopper sees it: one locale, one currency, no drafts or archived variants. */
export interface StoreProduct {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string
  locale: string
  currency_code: string
  tags: string[]
  thumbnail: string | null
  media: { url: string; alt: string | null }[]
  options: { id: string; title: string; values: string[] }[]
  variants: {
    id: string
    title: string
    sku: string | null
    options: Record<string, string>
    price: number | null
    availability: StoreAvailability
  }[]
  price_range: { min: number; max: number } | null
  collection_ids: string[]
  category_ids: string[]
  created_at: string
  updated_at: string
}

export interface Localized {
  locale: string
  defaultLocale: string
  currency: string
}

/** Picks the text of `locale`, falling back field by field to the default locale, then the base text. */
export function translate<T extends { title: string; description: string; subtitle?: string | null }>(
  base: T,
  translations: Translation[],
  locale: string,
  defaultLocale: string,
): { title: string; description: string; subtitle: string | null } {
  const wanted = translations.find((t) => t.locale === locale)
  const fallback = translations.find((t) => t.locale === defaultLocale)
  return {
    title: wanted?.title ?? fallback?.title ?? base.title,
    description: wanted?.description ?? fallback?.description ?? base.description,
    subtitle: wanted?.subtitle ?? fallback?.subtitle ?? base.subtitle ?? null,
  }
}

/**
 * What the Store API renders a product from, in every locale and currency: its texts with their
 * translations, live variants only, prices by currency. The indexer keeps one per product
 * (`product_view`), so a read parses one document instead of joining eight tables.
 */
export interface StoreSource {
  id: string
  handle: string
  status: Product['status']
  title: string
  subtitle: string | null
  description: string
  translations: Translation[]
  tags: string[]
  media: { url: string; alt: string | null }[]
  options: { id: string; title: string; values: string[] }[]
  variants: { id: string; title: string; sku: string | null; options: Record<string, string>; prices: Record<string, number> }[]
  collection_ids: string[]
  category_ids: string[]
  created_at: string
  updated_at: string
}

export function toStoreSource(product: Product): StoreSource {
  return {
    id: product.id,
    handle: product.handle,
    status: product.status,
    title: product.title,
    subtitle: product.subtitle,
    description: product.description,
    translations: product.translations,
    tags: product.tags,
    media: product.media.map((m) => ({ url: m.url, alt: m.alt })),
    options: product.options.map((o) => ({ id: o.id, title: o.title, values: o.values })),
    variants: product.variants
      .filter((v) => v.archived_at === null)
      .map((v) => {
        const prices: Record<string, number> = {}
        // The first price of a currency wins, as it always has.
        for (const p of v.prices) if (!(p.currency_code in prices)) prices[p.currency_code] = p.amount
        return { id: v.id, title: v.title, sku: v.sku, options: v.options, prices }
      }),
    collection_ids: product.collection_ids,
    category_ids: product.category_ids,
    created_at: product.created_at,
    updated_at: product.updated_at,
  }
}

/** `availability` by variant id; a variant missing from it is `out_of_stock`. */
export function toStoreProduct(
  product: Product,
  localized: Localized,
  availability: ReadonlyMap<string, StoreAvailability> = new Map(),
): StoreProduct {
  return renderStoreProduct(toStoreSource(product), localized, availability)
}

/** One locale and currency of a product's store document, with its variants' availability. */
export function renderStoreProduct(
  source: StoreSource,
  { locale, defaultLocale, currency }: Localized,
  availability: ReadonlyMap<string, StoreAvailability> = new Map(),
): StoreProduct {
  let min = Infinity
  let max = -Infinity
  const variants = source.variants.map((v) => {
    const price = v.prices[currency] ?? null
    if (price !== null) {
      if (price < min) min = price
      if (price > max) max = price
    }
    return {
      id: v.id,
      title: v.title,
      sku: v.sku,
      options: v.options,
      price,
      availability: availability.get(v.id) ?? ('out_of_stock' as const),
    }
  })
  return {
    id: source.id,
    handle: source.handle,
    ...translate(source, source.translations, locale, defaultLocale),
    locale,
    currency_code: currency,
    tags: source.tags,
    thumbnail: source.media[0]?.url ?? null,
    media: source.media,
    options: source.options,
    variants,
    price_range: min <= max ? { min, max } : null,
    collection_ids: source.collection_ids,
    category_ids: source.category_ids,
    created_at: source.created_at,
    updated_at: source.updated_at,
  }
}
