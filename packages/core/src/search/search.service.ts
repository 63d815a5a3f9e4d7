import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/database.js'
import { currentCatalogVersion } from '../catalog/catalog-events.js'
import type { Ctx } from '../kernel/ctx.js'
import { currencySchema, localeSchema } from '../kernel/schemas.js'
import { parseInput } from '../kernel/validate.js'
import { nextCursor, readPageKey, relevanceCursor } from './cursor.js'
import { findFacetRows, findPriceRange } from './facet.repository.js'
import { cachedFacets } from './facet-cache.js'
import { freshFacetIndex } from './facet-index.loader.js'
import { toFacets } from './facets.js'
import { findCategorySubtreeIds, type SearchPlan } from './match.repository.js'
import { findPage } from './page.repository.js'
import { PRODUCT_SORTS, type ProductSearchResult, type StoreProductQuery } from './search.js'
import { type SearchDb, searchDb } from './search.table.js'
import { cachedTextHits } from './text-hits.js'
import { resolveText } from './text.js'

const values = z.array(z.string().trim().min(1).max(255)).max(50)
const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const storeProductQuerySchema = z.object({
  q: z.string().max(500).optional(),
  collections: values.optional(),
  categories: values.optional(),
  tags: values.optional(),
  options: z.record(z.string().trim().min(1).max(255), values).optional(),
  price_min: amount.optional(),
  price_max: amount.optional(),
  sort: z.enum(PRODUCT_SORTS).optional(),
  locale: localeSchema,
  currency: currencySchema,
  limit: z.number().int().min(1).max(100),
  cursor: z.string().max(2000).optional(),
})

/** Published products matching the query, one page in the asked order, with facet counts. */
export async function findProducts(ctx: Ctx, rawQuery: StoreProductQuery): Promise<ProductSearchResult> {
  const query = parseInput(storeProductQuerySchema, rawQuery)
  const db = searchDb(ctx.db)
  const plan = { ...(await planSearch(db, query)), channelId: ctx.channel?.id ?? null }
  const after = query.cursor ? readPageKey(query.cursor, plan.sort) : null
  // Outside a transaction the facet index and the cached text hits answer what they can; inside
  // one, the database does, since only it sees the transaction's uncommitted changes.
  const version = ctx.db.isTransaction ? null : await currentCatalogVersion(ctx.db, 'facets')
  const facets = cachedFacets(ctx.db, version, plan, () => (version === null ? countInSql(db, plan) : countInIndex(ctx.db, plan, version)))
  facets.catch(() => undefined) // awaited below; this only keeps a failure during the page from going unhandled
  if (version !== null && plan.text && plan.sort === 'relevance') {
    const offset = after?.sort === 'relevance' ? after.offset : 0
    const ids = await relevancePage(ctx.db, version, plan, offset, query.limit)
    return {
      ids: ids.slice(0, query.limit),
      next_cursor: ids.length > query.limit ? relevanceCursor(offset + query.limit) : null,
      facets: await facets,
    }
  }
  const rows = await findPage(db, plan, after, query.limit)
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    ids: page.map((r) => r.id),
    next_cursor: rows.length > query.limit && last ? nextCursor(plan.sort, last, after, query.limit) : null,
    facets: await facets,
  }
}

/** A page in relevance order: the text's ranked hits, filtered by the facet index; one more id tells whether another page follows. */
async function relevancePage(root: Kysely<Database>, version: number, plan: SearchPlan, offset: number, limit: number): Promise<string[]> {
  const [index, hits] = await Promise.all([freshFacetIndex(root, version), cachedTextHits(root, version, plan.text!)])
  return index.idsOf(index.match(plan, hits, offset + limit + 1).subarray(offset))
}

/** Facets counted by the database over the matched set: inside transactions, which may see uncommitted changes. */
async function countInSql(db: SearchDb, plan: SearchPlan) {
  return toFacets(await findFacetRows(db, plan), await findPriceRange(db, plan))
}

/** Facets counted by this process's facet index (caught up with `version`), the text matched by the database. */
async function countInIndex(root: Kysely<Database>, plan: SearchPlan, version: number) {
  const index = await freshFacetIndex(root, version)
  const textIds = plan.text ? await cachedTextHits(root, version, plan.text) : null
  const { rows, price } = index.count(index.match(plan, textIds), plan.locale, plan.currency)
  return toFacets(rows, price)
}

/** Analyzes the text, resolves category subtrees and picks the sort: everything the SQL needs. */
export async function planSearch(db: SearchDb, query: z.output<typeof storeProductQuerySchema>): Promise<SearchPlan> {
  const text = await resolveText(db, query.q, query.locale)
  const options = Object.entries(query.options ?? {}).filter(([, v]) => v.length > 0)
  return {
    text,
    collections: query.collections ?? [],
    categoryIds: query.categories?.length ? await findCategorySubtreeIds(db, query.categories) : null,
    tags: query.tags ?? [],
    options,
    priceMin: query.price_min ?? null,
    priceMax: query.price_max ?? null,
    currency: query.currency.toUpperCase(),
    locale: query.locale,
    channelId: null,
    // Relevance needs text to rank by; without it, it means the default order.
    sort: query.sort === 'relevance' || !query.sort ? (text ? 'relevance' : 'newest') : query.sort,
  }
}
