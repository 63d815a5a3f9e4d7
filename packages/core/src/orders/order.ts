import { defineError } from '../kernel/errors.js'
import type { Address, CartShippingMethod } from '../cart/index.js'
import type { TaxLine } from '../pricing/index.js'
import type { OrderPaymentStatus, OrderStatus } from './order.table.js'

/** One line of an order: a snapshot of what was bought, at what price, with what tax. */
export interface OrderItem {
  id: string
  variant_id: string
  product_id: string
  product_title: string
  variant_title: string
  sku: string | null
  quantity: number
  unit_price: number
  subtotal: number
  discount_total: number
  tax_lines: TaxLine[]
  tax_total: number
  total: number
}

/** A placed order. `number` is the human-readable one (1001, 1002, ...); `order_token` gives a guest access. */
export interface Order {
  id: string
  number: number
  cart_id: string
  sales_channel_id: string
  region_id: string
  status: OrderStatus
  email: string
  /** The customer who placed it; null for a guest order. */
  customer_id: string | null
  currency_code: string
  tax_inclusive: boolean
  shipping_address: Address
  billing_address: Address | null
  shipping_method: CartShippingMethod
  items: OrderItem[]
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  total: number
  payment: { provider_id: string; status: OrderPaymentStatus }
  order_token: string
  created_at: string
}

export const OrderErrors = {
  notFound: defineError('order.not_found', 'not_found', (id: string) => `Order ${id} not found`),
}
