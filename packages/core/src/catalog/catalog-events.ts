import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.js'
import { recordEvent } from '../events/index.js'
import type { Ctx } from '../kernel/ctx.js'
import { VersionWatch } from './version-watch.js'

/** What the catalog tells subscribers, caches and CDNs: each event names what to purge. */
export const CATALOG_EVENT_TYPES = [
  'product.created',
  'product.updated',
  'product.deleted',
  'collection.created',
  'collection.updated',
  'collection.deleted',
  'category.created',
  'category.updated',
  'category.deleted',
] as const

export type CatalogEventType = (typeof CATALOG_EVENT_TYPES)[number]

/** `product.*` data: the product and the groupings whose listings show it. */
export interface ProductEventData {
  id: string
  handle: string
  /** Set when the handle changed: pages cached under the old handle go too. */
  previous_handle?: string
  status: 'draft' | 'published' | 'archived'
  collection_ids: string[]
  category_ids: string[]
  /** What changed, when it was not the product's own fields: `stock`, `prices`, `variants`, `options`, `collections`, `categories`, `channels`. */
  changes?: string[]
}

/** `collection.*` and `category.*` data; `product_ids` are the products whose pages show the grouping. */
export interface GroupingEventData {
  id: string
  handle: string
  previous_handle?: string
  parent_id?: string | null
  product_ids: string[]
}

/**
 * What a version counts: `catalog`, every change the Store API shows; `facets`, the same except
 * stock (availability is not a facet), so an ERP stock push keeps facet counts cached.
 */
export type VersionScope = 'catalog' | 'facets'

/** Versions of `catalog_change` kept behind the current one; readers further behind reload everything. */
export const CHANGE_RETENTION = 1000

/**
 * Raises the catalog version in the caller's transaction: caches in every process see the change
 * on their next read. Unless stock only, records which products changed at the new `facets`
 * version (`productIds`; omitted means any product may have).
 */
export async function bumpCatalogVersion(ctx: Ctx, options: { stockOnly?: boolean; productIds?: string[] } = {}): Promise<void> {
  const rows = await ctx.db
    .updateTable('catalog_version')
    .set({ version: sql<number>`version + 1` })
    .where('scope', 'in', options.stockOnly ? ['catalog'] : ['catalog', 'facets'])
    .returning(['scope', 'version'])
    .execute()
  const facets = rows.find((r) => r.scope === 'facets')
  if (!facets) return
  const version = Number(facets.version)
  const ids = [...new Set(options.productIds ?? ['*'])]
  if (ids.length) await ctx.db.insertInto('catalog_change').values(ids.map((product_id) => ({ version, product_id }))).onConflict((oc) => oc.doNothing()).execute()
  if (version % 100 === 0) await ctx.db.deleteFrom('catalog_change').where('version', '<=', version - CHANGE_RETENTION).execute()
}

/** Products changed after version `since` up to `until`, or `null` when that is not known (too far behind, or a change of anything). */
export async function findChangedProducts(db: Kysely<Database>, since: number, until: number): Promise<string[] | null> {
  if (until - since > CHANGE_RETENTION - 100) return null
  const rows = await db.selectFrom('catalog_change').select('product_id').distinct().where('version', '>', since).where('version', '<=', until).execute()
  const ids = rows.map((r) => r.product_id)
  return ids.includes('*') ? null : ids
}

/** A version now: one primary-key read. */
export async function readCatalogVersion(db: Kysely<Database>, scope: VersionScope = 'catalog'): Promise<number> {
  const row = await db.selectFrom('catalog_version').select('version').where('scope', '=', scope).executeTakeFirst()
  return Number(row?.version ?? 0)
}

const watches = new WeakMap<Kysely<Database>, Map<VersionScope, VersionWatch>>()

/**
 * A version as caches should compare it: concurrent callers share one read, and no caller gets
 * a read that started before it asked (an edit committed before the call is seen).
 */
export function currentCatalogVersion(db: Kysely<Database>, scope: VersionScope = 'catalog'): Promise<number> {
  let byScope = watches.get(db)
  if (!byScope) watches.set(db, (byScope = new Map()))
  let watch = byScope.get(scope)
  if (!watch) byScope.set(scope, (watch = new VersionWatch(() => readCatalogVersion(db, scope))))
  return watch.read()
}

/** Records one catalog event and raises the catalog version, both in the caller's transaction. */
export async function recordCatalogEvent(ctx: Ctx, type: CatalogEventType, data: ProductEventData | GroupingEventData): Promise<void> {
  await recordEvent(ctx, type, { ...data })
  await bumpCatalogVersion(ctx, { productIds: 'product_ids' in data ? data.product_ids : [data.id] })
}

/** The event data of products as they are now in the transaction (three reads, whatever the count). */
export async function productEventData(ctx: Ctx, productIds: string[]): Promise<ProductEventData[]> {
  const ids = [...new Set(productIds)]
  if (ids.length === 0) return []
  // One after the other: a transaction is one connection.
  const rows = await ctx.db.selectFrom('product').select(['id', 'handle', 'status']).where('id', 'in', ids).orderBy('id').execute()
  const collections = await ctx.db.selectFrom('product_collection').select(['product_id', 'collection_id as gid']).where('product_id', 'in', ids).execute()
  const categories = await ctx.db.selectFrom('product_category').select(['product_id', 'category_id as gid']).where('product_id', 'in', ids).execute()
  const of = (links: { product_id: string; gid: string }[], id: string) => links.filter((l) => l.product_id === id).map((l) => l.gid).sort()
  return rows.map((r) => ({ id: r.id, handle: r.handle, status: r.status, collection_ids: of(collections, r.id), category_ids: of(categories, r.id) }))
}

/** One `product.updated` per product (stock, prices, memberships), then one version raise. */
export async function recordProductsUpdated(ctx: Ctx, productIds: string[], changes: string[]): Promise<void> {
  const data = await productEventData(ctx, productIds)
  for (const d of data) await recordEvent(ctx, 'product.updated', { ...d, changes })
  if (data.length) await bumpCatalogVersion(ctx, { stockOnly: changes.length === 1 && changes[0] === 'stock', productIds: data.map((d) => d.id) })
}
