import { currentCatalogVersion } from '../catalog/catalog-events.js'
import { dropProductViews, writeProductViews } from '../catalog/product-view.js'
import type { Ctx } from '../kernel/ctx.js'
import { freshFacetIndex } from './facet-index.loader.js'
import { writeFacetRows } from './facet-source.repository.js'
import { dropFromIndex, reindex } from './indexer.js'
import type { ProductSearchResult, StoreProductQuery } from './search.js'
import { findProducts } from './search.service.js'
import { searchDb } from './search.table.js'

export * from './search.js'

/**
 * Brings the search index and the products' store documents (`product_view`) up to date for
 * these products (call inside the writing transaction).
 */
export async function indexProducts(ctx: Ctx, productIds: string[]): Promise<void> {
  await reindex(ctx, productIds)
  await writeProductViews(ctx.db, productIds)
}

/**
 * Rewrites only the facet rows of these products (call inside the writing transaction): for a
 * bulk change of what facets see that leaves their text and prices alone.
 */
export async function refreshFacetRows(ctx: Ctx, productIds: string[]): Promise<void> {
  await writeFacetRows(searchDb(ctx.db), [...new Set(productIds)])
}

/** Drops products from the search index. */
export async function unindexProducts(ctx: Ctx, productIds: string[]): Promise<void> {
  await dropFromIndex(ctx, productIds)
  await dropProductViews(ctx.db, [...new Set(productIds)])
}

/**
 * Published products matching the query, one page, with facet counts: full-text, stemmed and
 * typo-tolerant `q`, filters, six sorts and opaque cursors. See docs/adr/0002-search.md.
 * @example const { ids, next_cursor, facets } = await searchProducts(ctx, { q: 'linen shirt', locale: 'en', currency: 'EUR', limit: 20 })
 */
export async function searchProducts(ctx: Ctx, query: StoreProductQuery): Promise<ProductSearchResult> {
  return findProducts(ctx, query)
}

/**
 * Loads this process's facet index now rather than on the first product list (servers call it at
 * start, so the first list does not wait for it). See docs/adr/0014-facet-index.md.
 */
export async function warmFacetIndex(ctx: Ctx): Promise<void> {
  await freshFacetIndex(ctx.db, await currentCatalogVersion(ctx.db, 'facets'))
}
