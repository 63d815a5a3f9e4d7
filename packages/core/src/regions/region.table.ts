import type { Bool, Timestamp } from '../catalog/catalog.table.js'

export interface RegionTable {
  id: string
  name: string
  currency_code: string
  tax_inclusive: Bool
  tax_provider_id: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface RegionCountryTable {
  country_code: string
  region_id: string
}

export interface RegionTables {
  region: RegionTable
  region_country: RegionCountryTable
}
