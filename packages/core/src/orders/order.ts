import { defineError } from '../kernel/errors.js'
import type { Address, CartShippingMethod } from '../cart/index.js'
import type { TaxLine } from '../pricing/index.js'
import type { CartAdjustment } from '../promotions/promotion.js'
import type { FulfillmentStatus } from './fulfillment-status.js'
import type { OrderLifecycleStatus } from './order-status.js'
import type { PaymentLifecycleStatus } from './payment-status.js'

/** One line of an order: a snapshot of what was bought, at what price, with what tax. */
/** A promotion applied to an order: the cart's adjustment, kept in `order_promotion` at purchase. */
export type OrderPromotion = CartAdjustment

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
  /** Units picked and packed, shipped, delivered, and received back in returns. */
  fulfilled_quantity: number
  shipped_quantity: number
  delivered_quantity: number
  returned_quantity: number
}

/** An order's payment: what was authorized, captured and refunded, in minor units; `outstanding_amount` is owed after an edit raised the total. */
export interface OrderPayment {
  provider_id: string
  status: PaymentLifecycleStatus
  authorized_amount: number
  captured_amount: number
  refunded_amount: number
  outstanding_amount: number
}

/** A placed order. `number` is the human-readable one (1001, 1002, ...); `order_token` gives a guest access. */
export interface Order {
  id: string
  number: number
  cart_id: string
  sales_channel_id: string
  region_id: string
  status: OrderLifecycleStatus
  fulfillment_status: FulfillmentStatus
  email: string
  /** The customer who placed it; null for a guest order. */
  customer_id: string | null
  currency_code: string
  tax_inclusive: boolean
  shipping_address: Address
  billing_address: Address | null
  shipping_method: CartShippingMethod
  items: OrderItem[]
  /** The promotions the order got, as recorded when it was placed (later edits of a promotion change nothing). */
  promotions: OrderPromotion[]
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  total: number
  payment: OrderPayment
  order_token: string
  created_at: string
}

export const OrderErrors = {
  notFound: defineError('order.not_found', 'not_found', (id: string) => `Order ${id} not found`),
}
