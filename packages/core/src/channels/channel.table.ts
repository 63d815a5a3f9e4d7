import type { ColumnType } from 'kysely'
import type { Bool, Timestamp } from '../catalog/catalog.table.js'

export interface SalesChannelTable {
  id: string
  name: string
  description: string | null
  is_default: Bool
  /** JSON array of browser origins the Store API answers CORS for. */
  allowed_origins: ColumnType<string, string | undefined, string>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface PublishableKeyTable {
  id: string
  token: string
  title: string
  sales_channel_id: string
  revoked_at: Timestamp | null
  created_at: Timestamp
}

export interface ProductSalesChannelTable {
  sales_channel_id: string
  product_id: string
}

export interface ChannelTables {
  sales_channel: SalesChannelTable
  publishable_key: PublishableKeyTable
  product_sales_channel: ProductSalesChannelTable
}
