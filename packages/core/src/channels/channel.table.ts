import type { Bool, Timestamp } from '../catalog/catalog.table.js'

export interface SalesChannelTable {
  id: string
  name: string
  description: string | null
  is_default: Bool
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

export interface ChannelTables {
  sales_channel: SalesChannelTable
  publishable_key: PublishableKeyTable
}
