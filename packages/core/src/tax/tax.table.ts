import type { Timestamp } from '../catalog/catalog.table.js'

export interface TaxRateTable {
  id: string
  region_id: string
  name: string
  code: string | null
  /** Parts per million: 21% is 210000, 8.875% is 88750. */
  rate_ppm: number
  country_code: string | null
  province_code: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface TaxRateCategoryTable {
  tax_rate_id: string
  category_id: string
}

export interface TaxTables {
  tax_rate: TaxRateTable
  tax_rate_category: TaxRateCategoryTable
}
