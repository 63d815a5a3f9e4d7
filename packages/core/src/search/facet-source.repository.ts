import { jsonArrayFrom, parseJson } from '../db/dialect.js'
import type { SearchDb } from './search.table.js'

/** Products per read: far below both databases' bound-parameter limits. */
const CHUNK = 5000

/** A collection or category as facets show it: its handle and its title per locale. */
export interface FacetGrouping {
  id: string
  handle: string
  title: string
  titles: Map<string, string>
}

/** Rows per statement when writing: far below both databases' bound-parameter limits. */
const WRITE_CHUNK = 500

/**
 * The compact encoding of a product's facet data (`product_facet_source.data`): JSON, so one
 * native `JSON.parse` decodes a row, of arrays of strings and small integers:
 * `[channels, collections, categories, tags, options, variants, prices]` where `options` is flat
 * `[title, titlePosition, value, position, ...]` (each option value once), `variants` lists each
 * live variant's option values as indexes into `options` (value `i` at `4 * i`; a variant without
 * options is left out, no option filter can match it), and `prices` is flat
 * `[currency, [amounts], ...]` (distinct live variant prices per currency). The price ranges
 * (`search_price`) are the lowest and highest of those amounts.
 */
export type EncodedFacets = [string[], string[], string[], string[], (string | number)[], number[][], (string | number[])[]]

/** A published product's facet row, parsed. */
export interface FacetSource {
  id: string
  facets: EncodedFacets
}

interface OptionRow {
  variant: string
  title: string
  value: string
  value_id: string
  title_position: number | string
  position: number | string
}

/**
 * Rewrites the facet rows of these products from the catalog tables: one per published product,
 * none for the others. Two statements per 500 products (three when some are not published); runs in the caller's transaction.
 */
export async function writeFacetRows(db: SearchDb, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += WRITE_CHUNK) {
    const part = ids.slice(i, i + WRITE_CHUNK)
    const rows = await readFacetData(db, part)
    const kept = new Set(rows.map((r) => r.product_id))
    const gone = part.filter((id) => !kept.has(id))
    if (gone.length) await db.deleteFrom('product_facet_source').where('product_id', 'in', gone).execute()
    if (rows.length)
      await db
        .insertInto('product_facet_source')
        .values(rows)
        .onConflict((oc) => oc.column('product_id').doUpdateSet((eb) => ({ data: eb.ref('excluded.data') })))
        .execute()
  }
}

/** Removes the facet rows of these products. */
export async function deleteFacetRows(db: SearchDb, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += WRITE_CHUNK)
    await db
      .deleteFrom('product_facet_source')
      .where('product_id', 'in', ids.slice(i, i + WRITE_CHUNK))
      .execute()
}

/** The encoded facet data of the published products among these, in one statement. */
async function readFacetData(db: SearchDb, ids: string[]): Promise<{ product_id: string; data: string }[]> {
  const rows = await db
    .selectFrom('product as p')
    .select((eb) => [
      'p.id',
      jsonArrayFrom(
        db,
        eb.selectFrom('product_sales_channel as c').select('c.sales_channel_id as v').whereRef('c.product_id', '=', 'p.id'),
      ).as('channels'),
      jsonArrayFrom(db, eb.selectFrom('product_collection as c').select('c.collection_id as v').whereRef('c.product_id', '=', 'p.id')).as(
        'collections',
      ),
      jsonArrayFrom(db, eb.selectFrom('product_category as c').select('c.category_id as v').whereRef('c.product_id', '=', 'p.id')).as(
        'categories',
      ),
      jsonArrayFrom(db, eb.selectFrom('product_tag as t').select('t.value as v').whereRef('t.product_id', '=', 'p.id')).as('tags'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('product_variant as v')
          .innerJoin('variant_option_value as vov', 'vov.variant_id', 'v.id')
          .innerJoin('product_option_value as val', 'val.id', 'vov.option_value_id')
          .innerJoin('product_option as opt', 'opt.id', 'val.option_id')
          .select(['v.id as variant', 'opt.title', 'val.value', 'val.id as value_id', 'opt.position as title_position', 'val.position'])
          .whereRef('v.product_id', '=', 'p.id')
          .where('v.archived_at', 'is', null),
      ).as('options'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('product_variant as pv')
          .innerJoin('price as pr', 'pr.variant_id', 'pv.id')
          .select(['pr.currency_code', 'pr.amount'])
          .whereRef('pv.product_id', '=', 'p.id')
          .where('pv.archived_at', 'is', null),
      ).as('prices'),
    ])
    .where('p.id', 'in', ids)
    .where('p.status', '=', 'published')
    .execute()
  return rows.map((row) => {
    const values = (v: unknown) => parseJson<{ v: string }[]>(v, []).map((r) => r.v)
    const options: (string | number)[] = []
    const optionIndex = new Map<string, number>()
    const variants = new Map<string, number[]>()
    for (const o of parseJson<OptionRow[]>(row.options, [])) {
      let index = optionIndex.get(o.value_id)
      if (index === undefined) {
        optionIndex.set(o.value_id, (index = options.length / 4))
        options.push(o.title, Number(o.title_position), o.value, Number(o.position))
      }
      const variant = variants.get(o.variant)
      if (variant) variant.push(index)
      else variants.set(o.variant, [index])
    }
    const prices = new Map<string, Set<number>>()
    for (const p of parseJson<{ currency_code: string; amount: number | string }[]>(row.prices, [])) {
      const amounts = prices.get(p.currency_code)
      if (amounts) amounts.add(Number(p.amount))
      else prices.set(p.currency_code, new Set([Number(p.amount)]))
    }
    const data: EncodedFacets = [
      values(row.channels),
      values(row.collections),
      values(row.categories),
      values(row.tags),
      options,
      [...variants.values()],
      [...prices].flatMap(([currency, amounts]) => [currency, [...amounts]]),
    ]
    return { product_id: row.id, data: JSON.stringify(data) }
  })
}

/** Up to `limit` facet rows after product id `after` (`''` for the first), in id order. */
export async function findFacetRowsAfter(db: SearchDb, after: string, limit: number): Promise<FacetSource[]> {
  const rows = await db
    .selectFrom('product_facet_source')
    .select(['product_id', 'data'])
    .where('product_id', '>', after)
    .orderBy('product_id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ id: r.product_id, facets: JSON.parse(r.data) as EncodedFacets }))
}

/** The facet rows of these products: the published ones among them. */
export async function findFacetRows(db: SearchDb, ids: string[]): Promise<FacetSource[]> {
  const out: FacetSource[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('product_facet_source')
      .select(['product_id', 'data'])
      .where('product_id', 'in', ids.slice(i, i + CHUNK))
      .execute()
    for (const r of rows) out.push({ id: r.product_id, facets: JSON.parse(r.data) as EncodedFacets })
  }
  return out
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
