import type { SearchDb } from './search.table.js'

/** Products per read: far below both databases' bound-parameter limits. */
const CHUNK = 5000

/** What the facet index holds of one published product (live variants only). */
export interface FacetSource {
  id: string
  channels: string[]
  collections: string[]
  categories: string[]
  tags: string[]
  /** Per live variant: its option values. */
  variants: { title: string; value: string; titlePosition: number; position: number }[][]
  /** Live variant prices: the price filter tests them. */
  prices: { currency: string; amount: number }[]
  /** The indexed price range per currency (`search_price`): the price facet reads it. */
  ranges: { currency: string; min: number; max: number }[]
}

/** A collection or category as facets show it: its handle and its title per locale. */
export interface FacetGrouping {
  id: string
  handle: string
  title: string
  titles: Map<string, string>
}

/** Ids of every published product, in id order. */
export async function findPublishedIds(db: SearchDb): Promise<string[]> {
  const rows = await db.selectFrom('product').select('id').where('status', '=', 'published').orderBy('id').execute()
  return rows.map((r) => r.id)
}

/**
 * The facet data of these products, read in chunks, eight statements per chunk; products that are
 * not published (or no longer exist) are left out.
 */
export async function findFacetSources(db: SearchDb, ids: string[]): Promise<FacetSource[]> {
  const out: FacetSource[] = []
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await findChunk(db, ids.slice(i, i + CHUNK))))
  return out
}

async function findChunk(db: SearchDb, ids: string[]): Promise<FacetSource[]> {
  const products = await db.selectFrom('product').select('id').where('id', 'in', ids).where('status', '=', 'published').execute()
  const byId = new Map<string, FacetSource>()
  for (const { id } of products)
    byId.set(id, { id, channels: [], collections: [], categories: [], tags: [], variants: [], prices: [], ranges: [] })
  const add = <K extends 'channels' | 'collections' | 'categories' | 'tags'>(key: K, rows: { product_id: string; v: string }[]) => {
    for (const r of rows) byId.get(r.product_id)?.[key].push(r.v)
  }
  add(
    'channels',
    await db.selectFrom('product_sales_channel').select(['product_id', 'sales_channel_id as v']).where('product_id', 'in', ids).execute(),
  )
  add(
    'collections',
    await db.selectFrom('product_collection').select(['product_id', 'collection_id as v']).where('product_id', 'in', ids).execute(),
  )
  add(
    'categories',
    await db.selectFrom('product_category').select(['product_id', 'category_id as v']).where('product_id', 'in', ids).execute(),
  )
  add('tags', await db.selectFrom('product_tag').select(['product_id', 'value as v']).where('product_id', 'in', ids).execute())
  const options = await db
    .selectFrom('product_variant as v')
    .leftJoin('variant_option_value as vov', 'vov.variant_id', 'v.id')
    .leftJoin('product_option_value as val', 'val.id', 'vov.option_value_id')
    .leftJoin('product_option as opt', 'opt.id', 'val.option_id')
    .select(['v.product_id', 'v.id', 'opt.title', 'val.value', 'opt.position as title_position', 'val.position'])
    .where('v.product_id', 'in', ids)
    .where('v.archived_at', 'is', null)
    .orderBy('v.id')
    .execute()
  let variant: FacetSource['variants'][number] | null = null
  let variantId = ''
  for (const r of options) {
    const source = byId.get(r.product_id)
    if (!source) continue
    if (r.id !== variantId || !variant) {
      variantId = r.id
      variant = []
      source.variants.push(variant)
    }
    if (r.title !== null && r.value !== null) {
      variant.push({ title: r.title, value: r.value, titlePosition: Number(r.title_position), position: Number(r.position) })
    }
  }
  const prices = await db
    .selectFrom('product_variant as v')
    .innerJoin('price as pr', 'pr.variant_id', 'v.id')
    .select(['v.product_id', 'pr.currency_code', 'pr.amount'])
    .where('v.product_id', 'in', ids)
    .where('v.archived_at', 'is', null)
    .execute()
  for (const r of prices) byId.get(r.product_id)?.prices.push({ currency: r.currency_code, amount: Number(r.amount) })
  const ranges = await db
    .selectFrom('search_price')
    .select(['product_id', 'currency_code', 'min_amount', 'max_amount'])
    .where('product_id', 'in', ids)
    .execute()
  for (const r of ranges)
    byId.get(r.product_id)?.ranges.push({ currency: r.currency_code, min: Number(r.min_amount), max: Number(r.max_amount) })
  return [...byId.values()]
}

/** Every collection and category with its translated titles (small tables, read whole). */
export async function findFacetGroupings(db: SearchDb): Promise<{ collections: FacetGrouping[]; categories: FacetGrouping[] }> {
  const collections = await db.selectFrom('collection').select(['id', 'handle', 'title']).execute()
  const collectionTitles = await db.selectFrom('collection_translation').select(['collection_id as id', 'locale', 'title']).execute()
  const categories = await db.selectFrom('category').select(['id', 'handle', 'title']).execute()
  const categoryTitles = await db.selectFrom('category_translation').select(['category_id as id', 'locale', 'title']).execute()
  const build = (rows: { id: string; handle: string; title: string }[], titles: { id: string; locale: string; title: string | null }[]) => {
    const groupings = new Map(rows.map((r) => [r.id, { ...r, titles: new Map<string, string>() }]))
    for (const t of titles) if (t.title !== null) groupings.get(t.id)?.titles.set(t.locale, t.title)
    return [...groupings.values()]
  }
  return { collections: build(collections, collectionTitles), categories: build(categories, categoryTitles) }
}
