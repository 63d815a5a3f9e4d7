import type { Bool, Json, Timestamp } from '../catalog/catalog.table.js'
import type { ColumnType } from 'kysely'

type Count = ColumnType<number | string, number | undefined, number>

export interface PromotionTable {
  id: string
  name: string
  status: 'active' | 'inactive'
  automatic: Bool
  rule: Json
  conditions: Json
  exclusive: Bool
  priority: number
  starts_at: Timestamp | null
  ends_at: Timestamp | null
  usage_limit: number | string | null
  usage_count: Count
  customer_usage_limit: number | string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface PromotionCodeTable {
  id: string
  promotion_id: string
  code: string
  usage_limit: number | string | null
  usage_count: Count
  created_at: Timestamp
}

export interface CartPromotionTable {
  cart_id: string
  code_id: string
  limit_seen_at: Timestamp | null
  created_at: Timestamp
}

export interface PromotionUsageTable {
  id: string
  promotion_id: string
  code_id: string | null
  cart_id: string
  customer_key: string
  order_id: string | null
  status: 'claimed' | 'used'
  expires_at: Timestamp
  created_at: Timestamp
}

export interface PromotionCustomerUsageTable {
  promotion_id: string
  customer_key: string
  usage_count: Count
}

export interface OrderPromotionTable {
  id: string
  order_id: string
  promotion_id: string
  code: string | null
  name: string
  rule: Json
  amount: number
  shipping_amount: number
  created_at: Timestamp
}

export interface PromotionTables {
  promotion: PromotionTable
  promotion_code: PromotionCodeTable
  cart_promotion: CartPromotionTable
  promotion_usage: PromotionUsageTable
  promotion_customer_usage: PromotionCustomerUsageTable
  order_promotion: OrderPromotionTable
}


