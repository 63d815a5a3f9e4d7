import { sql } from 'kysely'
import { matchedProducts, type SearchPlan } from './match.repository.js'
import type { SearchDb } from './search.table.js'

/** One facet value with the number of matched products that have it. */
export interface FacetRow {
  kind: 'collection' | 'category' | 'tag' | 'option'
  /** The option title for `option` rows, else empty. */
  grp: string
  value: string
  label: string
  count: number
  grp_position: number
  position: number
}

/** Counts per collection, category, tag and option value over the matched set, in one statement. */
export async function findFacetRows(db: SearchDb, plan: SearchPlan): Promise<FacetRow[]> {
  const rows = await facetQuery(db, plan).execute()
  return rows.map((r) => ({ ...r, count: Number(r.count), grp_position: Number(r.grp_position), position: Number(r.position) }))
}

export function facetQuery(db: SearchDb, plan: SearchPlan) {
  const head = withMatched(db, plan)
  const arms = db.withTables<{ matched: { id: string } }>()
  const kind = (k: FacetRow['kind']) => sql<FacetRow['kind']>`${sql.lit(k)}`.as('kind')
  const none = sql<string>`''`.as('grp')
  const zero = sql<number>`0`
  const collections = head
    .selectFrom('matched as m')
    .innerJoin('product_collection as pc', 'pc.product_id', 'm.id')
    .innerJoin('collection as c', 'c.id', 'pc.collection_id')
    .leftJoin('collection_translation as ct', (j) => j.onRef('ct.collection_id', '=', 'c.id').on('ct.locale', '=', plan.locale))
    .select((eb) => [kind('collection'), none, 'c.handle as value', eb.fn.coalesce('ct.title', 'c.title').as('label')])
    .select((eb) => [eb.fn.count<number>('m.id').as('count'), zero.as('grp_position'), zero.as('position')])
    .groupBy(['c.handle', 'c.title', 'ct.title'])
  const categories = arms
    .selectFrom('matched as m')
    .innerJoin('product_category as pc', 'pc.product_id', 'm.id')
    .innerJoin('category as c', 'c.id', 'pc.category_id')
    .leftJoin('category_translation as ct', (j) => j.onRef('ct.category_id', '=', 'c.id').on('ct.locale', '=', plan.locale))
    .select((eb) => [kind('category'), none, 'c.handle as value', eb.fn.coalesce('ct.title', 'c.title').as('label')])
    .select((eb) => [eb.fn.count<number>('m.id').as('count'), zero.as('grp_position'), zero.as('position')])
    .groupBy(['c.handle', 'c.title', 'ct.title'])
  const tags = arms
    .selectFrom('matched as m')
    .innerJoin('product_tag as t', 't.product_id', 'm.id')
    .select((eb) => [
      kind('tag'),
      none,
      't.value as value',
      't.value as label',
      eb.fn.count<number>('m.id').as('count'),
      zero.as('grp_position'),
      zero.as('position'),
    ])
    .groupBy('t.value')
  const options = arms
    .selectFrom('matched as m')
    .innerJoin('product_variant as v', 'v.product_id', 'm.id')
    .innerJoin('variant_option_value as vov', 'vov.variant_id', 'v.id')
    .innerJoin('product_option_value as val', 'val.id', 'vov.option_value_id')
    .innerJoin('product_option as opt', 'opt.id', 'val.option_id')
    .where('v.archived_at', 'is', null)
    .select((eb) => [
      kind('option'),
      'opt.title as grp',
      'val.value as value',
      'val.value as label',
      eb.fn.count<number>('m.id').distinct().as('count'),
      eb.fn.min<number>('opt.position').as('grp_position'),
      eb.fn.min<number>('val.position').as('position'),
    ])
    .groupBy(['opt.title', 'val.value'])
  return collections.unionAll(categories).unionAll(tags).unionAll(options)
}

/** The lowest and highest live variant price in the currency over the matched set. */
export async function findPriceRange(db: SearchDb, plan: SearchPlan): Promise<{ min: number; max: number } | null> {
  const row = await withMatched(db, plan)
    .selectFrom('matched as m')
    .innerJoin('search_price as sp', 'sp.product_id', 'm.id')
    .where('sp.currency_code', '=', plan.currency)
    .select((eb) => [eb.fn.min<number | null>('sp.min_amount').as('min'), eb.fn.max<number | null>('sp.max_amount').as('max')])
    .executeTakeFirst()
  return row && row.min !== null && row.max !== null ? { min: Number(row.min), max: Number(row.max) } : null
}

function withMatched(db: SearchDb, plan: SearchPlan) {
  return db.with('matched', () => matchedProducts(db, plan).clearSelect().select('p.id'))
}
