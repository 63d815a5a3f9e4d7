import type { Json, Timestamp } from '../catalog/catalog.table.js'

export type CartStatus = 'open' | 'completing' | 'requires_action' | 'completed'
export type PaymentSessionStatus = 'pending' | 'requires_action' | 'authorized' | 'awaiting' | 'declined' | 'canceled'

export interface CartTable {
  id: string
  sales_channel_id: string
  region_id: string
  currency_code: string
  email: string | null
  /** The customer who owns the cart; null for a guest cart. */
  customer_id: string | null
  shipping_address: Json | null
  billing_address: Json | null
  shipping_option_id: string | null
  status: CartStatus
  claimed_at: Timestamp | null
  order_id: string | null
  completed_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CartLineTable {
  id: string
  cart_id: string
  variant_id: string
  quantity: number
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CartPaymentTable {
  id: string
  cart_id: string
  provider_id: string
  token: string | null
  status: PaymentSessionStatus
  provider_ref: string | null
  amount: number | null
  snapshot: Json | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CartTables {
  cart: CartTable
  cart_line: CartLineTable
  cart_payment: CartPaymentTable
}
