/** What the storefront may ask of the product list. */
export const PRODUCT_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'title_asc', 'title_desc'] as const
export type ProductSort = (typeof PRODUCT_SORTS)[number]

export interface StoreProductQuery {
  /** Full-text query (title, description, tags, SKU), stemmed for `locale`, typo-tolerant. */
  q?: string
  /** Collection handles: a product in any of them matches. */
  collections?: string[]
  /** Category handles: a product in any of them or their subcategories matches. */
  categories?: string[]
  /** Tags: a product with any of them matches. */
  tags?: string[]
  /** Option values by option title (`{ Color: ['Blue', 'Red'] }`): any value per title, all titles. */
  options?: Record<string, string[]>
  /** Inclusive bounds in minor units of `currency`, on the variant prices. */
  price_min?: number
  price_max?: number
  /** Default: `relevance` with `q`, else `newest`. */
  sort?: ProductSort
  locale: string
  currency: string
  limit: number
  cursor?: string
}

export interface FacetValue {
  value: string
  label: string
  count: number
}

export interface ProductFacets {
  collection: FacetValue[]
  category: FacetValue[]
  tag: FacetValue[]
  options: { title: string; values: FacetValue[] }[]
  price: { min: number; max: number } | null
}

export interface ProductSearchResult {
  ids: string[]
  next_cursor: string | null
  facets: ProductFacets
}
