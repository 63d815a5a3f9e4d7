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
  variants: { id: string; title: string; sku: string | null; options: Record<string, string>; price: number | null; availability: StoreAvailability }[]
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

/** `availability` by variant id; a variant missing from it is `out_of_stock`. */
export function toStoreProduct(
  product: Product,
  { locale, defaultLocale, currency }: Localized,
  availability: ReadonlyMap<string, StoreAvailability> = new Map(),
): StoreProduct {
  const variants = product.variants
    .filter((v) => v.archived_at === null)
    .map((v) => ({
      id: v.id,
      title: v.title,
      sku: v.sku,
      options: v.options,
      price: v.prices.find((p) => p.currency_code === currency)?.amount ?? null,
      availability: availability.get(v.id) ?? 'out_of_stock',
    }))
  const amounts = variants.flatMap((v) => (v.price === null ? [] : [v.price]))
  return {
    id: product.id,
    handle: product.handle,
    ...translate(product, product.translations, locale, defaultLocale),
    locale,
    currency_code: currency,
    tags: product.tags,
    thumbnail: product.media[0]?.url ?? null,
    media: product.media.map((m) => ({ url: m.url, alt: m.alt })),
    options: product.options.map((o) => ({ id: o.id, title: o.title, values: o.values })),
    variants,
    price_range: amounts.length ? { min: Math.min(...amounts), max: Math.max(...amounts) } : null,
    collection_ids: product.collection_ids,
    category_ids: product.category_ids,
    created_at: product.created_at,
    updated_at: product.updated_at,
  }
}
