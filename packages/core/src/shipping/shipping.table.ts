import type { Bool, Json, Timestamp } from '../catalog/catalog.table.js'

export interface ShippingOptionTable {
  id: string
  region_id: string
  name: string
  price_type: 'flat' | 'weight' | 'calculated'
  provider_id: string
  amount: number | null
  /** `[{ up_to_grams, amount }]`, ascending; the last may have `up_to_grams: null` (no limit). */
  weight_tiers: Json
  free_over: number | null
  /** Lowercase country codes; empty means every country of the region. */
  countries: Json
  active: Bool
  data: Json
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ShippingTables {
  shipping_option: ShippingOptionTable
}
