import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { parseJson, toIso } from '../db/dialect.js'
import type { ShippingOption, ShippingPriceType } from './shipping.js'

type Db = Kysely<Database>

export interface ShippingOptionRow {
  id: string
  region_id: string
  name: string
  price_type: ShippingPriceType
  provider_id: string
  amount: number | null
  weight_tiers: string
  free_over: number | null
  countries: string
  active: boolean
  data: string
  created_at: string
  updated_at: string
}

export async function findShippingOptions(db: Db, where: { ids?: string[]; regionId?: string }): Promise<ShippingOption[]> {
  let query = db.selectFrom('shipping_option').selectAll().orderBy('name').orderBy('id')
  if (where.ids) query = query.where('id', 'in', where.ids.length ? where.ids : [''])
  if (where.regionId) query = query.where('region_id', '=', where.regionId)
  const rows = await query.execute()
  return rows.map((row) => ({
    id: row.id,
    region_id: row.region_id,
    name: row.name,
    price_type: row.price_type,
    provider_id: row.provider_id,
    amount: row.amount === null ? null : Number(row.amount),
    weight_tiers: parseJson(row.weight_tiers, []),
    free_over: row.free_over === null ? null : Number(row.free_over),
    countries: parseJson(row.countries, []),
    active: Boolean(row.active),
    data: parseJson(row.data, {}),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }))
}

export async function insertShippingOption(db: Db, row: ShippingOptionRow): Promise<void> {
  await db.insertInto('shipping_option').values(row).execute()
}

export async function updateShippingOption(
  db: Db,
  id: string,
  patch: Omit<ShippingOptionRow, 'id' | 'region_id' | 'created_at'>,
): Promise<void> {
  await db.updateTable('shipping_option').set(patch).where('id', '=', id).execute()
}

export async function deleteShippingOption(db: Db, id: string): Promise<void> {
  await db.deleteFrom('shipping_option').where('id', '=', id).execute()
}
