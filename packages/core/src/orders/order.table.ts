import type { Bool, Json, Timestamp } from '../catalog/catalog.table.js'
import type { OrderLifecycleColumns, OrderLifecycleTables, OrderLineLifecycleColumns } from './order-lifecycle.table.js'

export type OrderStatus = 'pending' | 'completed' | 'canceled'
export type OrderPaymentStatus = 'authorized' | 'awaiting' | 'captured' | 'refunded' | 'canceled'

export interface OrderTable extends OrderLifecycleColumns {
  id: string
  number: number
  cart_id: string
  sales_channel_id: string
  region_id: string
  status: OrderStatus
  email: string
  /** The customer who placed the order; null for a guest order. */
  customer_id: string | null
  currency_code: string
  tax_inclusive: Bool
  shipping_address: Json
  billing_address: Json | null
  shipping_method: Json
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  total: number
  payment_provider_id: string
  payment_status: OrderPaymentStatus
  payment_ref: string | null
  order_token: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface OrderLineTable extends OrderLineLifecycleColumns {
  id: string
  order_id: string
  variant_id: string
  product_id: string
  product_title: string
  variant_title: string
  sku: string | null
  position: number
  quantity: number
  unit_price: number
  subtotal: number
  discount_total: number
  tax_total: number
  total: number
  tax_lines: Json
}

export interface OrderCounterTable {
  id: string
  last_number: number
}

export interface OrderTables extends OrderLifecycleTables {
  order: OrderTable
  order_line: OrderLineTable
  order_counter: OrderCounterTable
}
