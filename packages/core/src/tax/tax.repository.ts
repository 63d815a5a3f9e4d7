import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { jsonArrayFrom, parseJson, toIso } from '../db/dialect.js'
import type { TaxRate } from './tax.js'

type Db = Kysely<Database>

export interface TaxRateRow {
  id: string
  region_id: string
  name: string
  code: string | null
  rate_ppm: number
  country_code: string | null
  province_code: string | null
  created_at: string
  updated_at: string
}

export async function findTaxRates(db: Db, where: { ids?: string[]; regionId?: string }): Promise<TaxRate[]> {
  let query = db
    .selectFrom('tax_rate as t')
    .selectAll('t')
    .select((eb) =>
      jsonArrayFrom(
        db,
        eb.selectFrom('tax_rate_category as tc').select('tc.category_id').whereRef('tc.tax_rate_id', '=', 't.id').orderBy('tc.category_id'),
      ).as('categories'),
    )
    .orderBy('t.country_code')
    .orderBy('t.province_code')
    .orderBy('t.name')
    .orderBy('t.id')
  if (where.ids) query = query.where('t.id', 'in', where.ids.length ? where.ids : [''])
  if (where.regionId) query = query.where('t.region_id', '=', where.regionId)
  const rows = await query.execute()
  return rows.map((row) => ({
    id: row.id,
    region_id: row.region_id,
    name: row.name,
    code: row.code,
    rate_bps: Number(row.rate_ppm) / 100,
    country_code: row.country_code,
    province_code: row.province_code,
    category_ids: parseJson<{ category_id: string }[]>(row.categories, []).map((c) => c.category_id),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }))
}

export async function insertTaxRate(db: Db, row: TaxRateRow): Promise<void> {
  await db.insertInto('tax_rate').values(row).execute()
}

export async function updateTaxRate(
  db: Db,
  id: string,
  patch: Partial<Omit<TaxRateRow, 'id' | 'region_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('tax_rate').set(patch).where('id', '=', id).execute()
}

export async function deleteTaxRate(db: Db, id: string): Promise<void> {
  await db.deleteFrom('tax_rate').where('id', '=', id).execute()
}

export async function replaceTaxRateCategories(db: Db, id: string, categoryIds: string[]): Promise<void> {
  await db.deleteFrom('tax_rate_category').where('tax_rate_id', '=', id).execute()
  if (categoryIds.length)
    await db
      .insertInto('tax_rate_category')
      .values(categoryIds.map((category_id) => ({ tax_rate_id: id, category_id })))
      .execute()
}

export async function existingCategoryIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const rows = await db.selectFrom('category').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

/** Each product's categories with all their ancestors: an override for Books also covers Books > Poetry. */
export async function findProductCategoryIds(db: Db, productIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(productIds.map((id) => [id, []]))
  if (!productIds.length) return result
  const links = await db
    .selectFrom('product_category')
    .select(['product_id', 'category_id'])
    .where('product_id', 'in', [...new Set(productIds)])
    .execute()
  if (!links.length) return result
  const parents = new Map((await db.selectFrom('category').select(['id', 'parent_id']).execute()).map((c) => [c.id, c.parent_id]))
  for (const { product_id, category_id } of links) {
    const found = result.get(product_id)!
    for (let id: string | null | undefined = category_id; id && !found.includes(id); id = parents.get(id)) found.push(id)
  }
  return result
}
