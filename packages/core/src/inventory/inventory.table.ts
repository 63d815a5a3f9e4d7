import type { Bool, Timestamp } from '../catalog/catalog.table.js'

export interface StockLocationTable {
  id: string
  name: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface SalesChannelLocationTable {
  sales_channel_id: string
  location_id: string
}

export interface InventoryLevelTable {
  variant_id: string
  location_id: string
  /** A copy of the variant's flag, kept equal by a cascading foreign key: the CHECK reads it. */
  allow_backorder: Bool
  stocked_quantity: number
  reserved_quantity: number
  updated_at: Timestamp
}

export interface ReservationTable {
  id: string
  cart_id: string
  variant_id: string
  location_id: string
  quantity: number
  expires_at: Timestamp | null
  order_id: string | null
  created_at: Timestamp
}

export interface InventoryTables {
  stock_location: StockLocationTable
  sales_channel_location: SalesChannelLocationTable
  inventory_level: InventoryLevelTable
  reservation: ReservationTable
}
