import type { Ctx } from '../kernel/ctx.js'

/** Brings the search index up to date for these products (call inside the writing transaction). */
export async function indexProducts(_ctx: Ctx, _productIds: string[]): Promise<void> {}

/** Drops products from the search index. */
export async function unindexProducts(_ctx: Ctx, _productIds: string[]): Promise<void> {}
