import type { Ctx } from '../kernel/ctx.js'
import type { ProductSearchResult, StoreProductQuery } from './search.js'

export * from './search.js'

/** Brings the search index up to date for these products (call inside the writing transaction). */
export async function indexProducts(_ctx: Ctx, _productIds: string[]): Promise<void> {}

/** Drops products from the search index. */
export async function unindexProducts(_ctx: Ctx, _productIds: string[]): Promise<void> {}

/** Published products matching the query, one page, with facet counts. */
export async function searchProducts(ctx: Ctx, query: StoreProductQuery): Promise<ProductSearchResult> {
  let select = ctx.db.selectFrom('product').select(['id']).where('status', '=', 'published')
  select = select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit)
  const rows = await select.execute()
  return { ids: rows.map((r) => r.id), next_cursor: null, facets: { collection: [], category: [], tag: [], options: [], price: null } }
}
