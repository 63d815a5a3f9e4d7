import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { ProductTable } from '../catalog/catalog.table.js'
import type { Database } from '../db/database.js'
import { lowerEquals } from '../db/dialect.js'
import { type TextMatch, textHits } from '../db/search-dialect.js'
import type { ProductSort } from './search.js'
import type { SearchDb, SearchTables } from './search.table.js'

/** A validated query with its text analyzed and its category handles resolved to ids. */
export interface SearchPlan {
  text: TextMatch | null
  collections: string[]
  /** Category ids including descendants; `null` when the query has no category filter. */
  categoryIds: string[] | null
  tags: string[]
  options: [title: string, values: string[]][]
  priceMin: number | null
  priceMax: number | null
  currency: string
  locale: string
  /** Only products sold in this sales channel; `null` searches every product. */
  channelId: string | null
  sort: ProductSort
}

/** One matched product with everything the sorts need. */
export interface MatchRow {
  id: string
  created_at: Date | string
  title: string
  rank: number
  exact: number
  /** Price sorts: the lowest live price in the currency, or a key that sorts unpriced products last. */
  price_key: number
}

type Tables = Database & SearchTables & { p: ProductTable }
type ProductScope = ExpressionBuilder<Tables, 'p'>

/** Published products matching the text and every filter: the set pages and facets are drawn from. */
export function matchedProducts(db: SearchDb, plan: SearchPlan): SelectQueryBuilder<Tables, 'p', MatchRow> {
  const products = db.selectFrom('product as p')
  const scored = (
    plan.text
      ? products.innerJoin(textHits(db, plan.text).as('h'), 'h.product_id', 'p.id').select(['h.rank', 'h.exact'])
      : products.select([sql<number>`0`.as('rank'), sql<number>`1`.as('exact')])
  ) as SelectQueryBuilder<Tables, 'p', { rank: number; exact: number }>
  const pricing = plan.sort === 'price_asc' || plan.sort === 'price_desc'
  // Products without a price in the currency come last in both price orders.
  const unpriced = sql.lit(plan.sort === 'price_desc' ? -1 : Number.MAX_SAFE_INTEGER)
  const priced = (
    pricing
      ? scored
          .leftJoin('search_price as sp', (j) => j.onRef('sp.product_id', '=', 'p.id').on('sp.currency_code', '=', plan.currency))
          .select(sql<number>`coalesce(sp.min_amount, ${unpriced})`.as('price_key'))
      : scored.select(sql<number>`0`.as('price_key'))
  ) as SelectQueryBuilder<Tables, 'p', { rank: number; exact: number; price_key: number }>
  return priced
    .select(['p.id', 'p.created_at', 'p.title'])
    .where('p.status', '=', 'published')
    .where((eb) => eb.and(filters(eb, plan)))
}

function filters(eb: ProductScope, plan: SearchPlan) {
  const conditions = []
  if (plan.channelId !== null) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('product_sales_channel as psc')
          .select('psc.product_id')
          .whereRef('psc.product_id', '=', 'p.id')
          .where('psc.sales_channel_id', '=', plan.channelId),
      ),
    )
  }
  if (plan.collections.length) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('product_collection as pcol')
          .innerJoin('collection as col', 'col.id', 'pcol.collection_id')
          .select('pcol.product_id')
          .whereRef('pcol.product_id', '=', 'p.id')
          .where('col.handle', 'in', plan.collections),
      ),
    )
  }
  if (plan.categoryIds) {
    conditions.push(
      plan.categoryIds.length
        ? eb.exists(
            eb
              .selectFrom('product_category as pcat')
              .select('pcat.product_id')
              .whereRef('pcat.product_id', '=', 'p.id')
              .where('pcat.category_id', 'in', plan.categoryIds),
          )
        : sql<boolean>`1 = 0`,
    )
  }
  if (plan.tags.length) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('product_tag as tag')
          .select('tag.product_id')
          .whereRef('tag.product_id', '=', 'p.id')
          .where('tag.value', 'in', plan.tags),
      ),
    )
  }
  if (plan.options.length) conditions.push(eb.exists(variantWithOptions(eb, plan.options)))
  if (plan.priceMin !== null || plan.priceMax !== null) conditions.push(eb.exists(pricedVariant(eb, plan)))
  return conditions
}

/** A live variant of the product that has, for every option title, one of the wanted values. */
function variantWithOptions(eb: ProductScope, options: SearchPlan['options']) {
  return eb
    .selectFrom('product_variant as ov_v')
    .select('ov_v.id')
    .whereRef('ov_v.product_id', '=', 'p.id')
    .where('ov_v.archived_at', 'is', null)
    .where((vb) =>
      vb.and(
        options.map(([title, values]) =>
          vb.exists(
            vb
              .selectFrom('variant_option_value as vov')
              .innerJoin('product_option_value as val', 'val.id', 'vov.option_value_id')
              .innerJoin('product_option as opt', 'opt.id', 'val.option_id')
              .select('vov.variant_id')
              .whereRef('vov.variant_id', '=', 'ov_v.id')
              .where(lowerEquals(sql.ref('opt.title'), title))
              .where('val.value', 'in', values),
          ),
        ),
      ),
    )
}

function pricedVariant(eb: ProductScope, plan: SearchPlan) {
  let query = eb
    .selectFrom('product_variant as pv')
    .innerJoin('price as pp', 'pp.variant_id', 'pv.id')
    .select('pv.id')
    .whereRef('pv.product_id', '=', 'p.id')
    .where('pv.archived_at', 'is', null)
    .where('pp.currency_code', '=', plan.currency)
  if (plan.priceMin !== null) query = query.where('pp.amount', '>=', plan.priceMin)
  if (plan.priceMax !== null) query = query.where('pp.amount', '<=', plan.priceMax)
  return query
}

/** Category ids of these handles and of all their descendants. */
export async function findCategorySubtreeIds(db: SearchDb, handles: string[]): Promise<string[]> {
  const rows = await db
    .withRecursive('tree(id)', (qc) =>
      qc
        .selectFrom('category')
        .select('id')
        .where('handle', 'in', handles)
        .union(qc.selectFrom('category as c').innerJoin('tree', 'tree.id', 'c.parent_id').select('c.id')),
    )
    .selectFrom('tree')
    .select('id')
    .execute()
  return rows.map((r) => r.id)
}
