import type { Kysely } from 'kysely'
import { compileOnce } from '../db/compiled.js'
import type { Database } from '../db/database.js'
import { findProductsByIds } from './product.repository.js'
import { type StoreSource, toStoreSource } from './storefront.js'

type Db = Kysely<Database>

/** The shape of `product_view.data`; a row of another format is read as missing. */
export const PRODUCT_VIEW_FORMAT = 1

/**
 * Rewrites the store documents of these products from their rows (call inside the writing
 * transaction, as the indexer does); a product that no longer exists loses its document.
 */
export async function writeProductViews(db: Db, productIds: string[]): Promise<void> {
  const ids = [...new Set(productIds)]
  if (ids.length === 0) return
  await dropProductViews(db, ids)
  const products = await findProductsByIds(db, ids)
  for (let i = 0; i < products.length; i += 500) {
    const rows = products
      .slice(i, i + 500)
      .map((p) => ({ product_id: p.id, format: PRODUCT_VIEW_FORMAT, data: JSON.stringify(toStoreSource(p)) }))
    await db.insertInto('product_view').values(rows).execute()
  }
}

export async function dropProductViews(db: Db, productIds: string[]): Promise<void> {
  for (let i = 0; i < productIds.length; i += 1000)
    await db
      .deleteFrom('product_view')
      .where('product_id', 'in', productIds.slice(i, i + 1000))
      .execute()
}

/**
 * Store documents of these products, in the order asked, whatever their status. One primary-key
 * statement; a product without a current document (written before documents existed, or by a
 * writer that bypassed the indexer) is read from its rows instead.
 */
export async function findStoreSources(db: Db, ids: string[]): Promise<StoreSource[]> {
  if (ids.length === 0) return []
  // A page is at most 100 products: one compiled statement per page length.
  const rows =
    ids.length <= 100
      ? await viewsByIds(db, ids, ids.length)
      : await db.selectFrom('product_view').select(['product_id', 'format', 'data']).where('product_id', 'in', ids).execute()
  const byId = new Map<string, StoreSource>()
  for (const row of rows) if (row.format === PRODUCT_VIEW_FORMAT) byId.set(row.product_id, JSON.parse(row.data) as StoreSource)
  const missing = ids.filter((id) => !byId.has(id))
  if (missing.length) for (const product of await findProductsByIds(db, missing)) byId.set(product.id, toStoreSource(product))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** The store document of a published product in this sales channel, by handle: one statement. */
export async function findPublishedStoreSource(db: Db, handle: string, channelId: string): Promise<StoreSource | undefined> {
  const [row] = await publishedViewByHandle(db, [handle, channelId])
  if (!row) return undefined
  if (row.data !== null && row.format === PRODUCT_VIEW_FORMAT) return JSON.parse(row.data) as StoreSource
  const [product] = await findProductsByIds(db, [row.id])
  return product && toStoreSource(product)
}

const viewsByIds = compileOnce((db, param, count) =>
  (db as Db)
    .selectFrom('product_view')
    .select(['product_id', 'format', 'data'])
    .where(
      'product_id',
      'in',
      Array.from({ length: count }, (_, i) => param(i)),
    ),
)

const publishedViewByHandle = compileOnce((db, param) =>
  (db as Db)
    .selectFrom('product as p')
    .leftJoin('product_view as v', 'v.product_id', 'p.id')
    .select(['p.id', 'v.format', 'v.data'])
    .where('p.handle', '=', param(0))
    .where('p.status', '=', 'published')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('product_sales_channel as sc')
          .select('sc.product_id')
          .whereRef('sc.product_id', '=', 'p.id')
          .where('sc.sales_channel_id', '=', param(1)),
      ),
    ),
)
