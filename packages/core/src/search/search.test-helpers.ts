import { createProduct } from '../catalog/index.js'
import type { CreateProductInput } from '../catalog/index.js'
import type { Ctx } from '../kernel/ctx.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { searchProducts } from './index.js'
import type { StoreProductQuery } from './search.js'

export type TestCtx = Awaited<ReturnType<typeof createTestCtx>>

/** A published product, created through the catalog service like a shop would. */
export async function published(ctx: Ctx, input: CreateProductInput): Promise<string> {
  return (await createProduct(ctx, { status: 'published', ...input })).id
}

/** One page of search results, English and euros unless told otherwise. */
export function search(ctx: Ctx, query: Partial<StoreProductQuery> = {}) {
  return searchProducts(ctx, { locale: 'en', currency: 'EUR', limit: 50, ...query })
}

/** The ids of a search. */
export async function ids(ctx: Ctx, query: Partial<StoreProductQuery> = {}): Promise<string[]> {
  return (await search(ctx, query)).ids
}

/** Every page of a search, following `next_cursor`; fails on a loop. */
export async function allPages(ctx: Ctx, query: Partial<StoreProductQuery>): Promise<string[][]> {
  const pages: string[][] = []
  let cursor: string | undefined
  do {
    const result = await search(ctx, { ...query, ...(cursor && { cursor }) })
    pages.push(result.ids)
    cursor = result.next_cursor ?? undefined
    if (pages.length > 100) throw new Error('pagination does not end')
  } while (cursor)
  return pages
}

export function euros(amount: number) {
  return [{ currency_code: 'EUR', amount }]
}
