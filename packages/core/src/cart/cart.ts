import { z } from 'zod'
import { defineError, KassaError } from '../kernel/errors.js'
import { idSchema } from '../kernel/schemas.js'
import { countryCodeSchema } from '../regions/index.js'
import type { TaxLine } from '../pricing/totals.js'
import type { CartAdjustment, CartPromotionEntry } from '../promotions/promotion.js'
import type { CartStatus, PaymentSessionStatus } from './cart.table.js'

/** Most units of one variant a cart line holds, and most lines a cart holds. */
export const MAX_LINE_QUANTITY = 1000
export const MAX_CART_LINES = 100

const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional()

export const emailSchema = z.email().max(254)

export const addressSchema = z.strictObject({
  first_name: text(100),
  last_name: text(100),
  company: optionalText(200),
  address_1: text(200),
  address_2: optionalText(200),
  city: text(100),
  postal_code: text(20),
  province: optionalText(100),
  country_code: countryCodeSchema,
  phone: optionalText(50),
})

export const quantitySchema = z.number().int().min(1).max(MAX_LINE_QUANTITY)

export const createCartSchema = z.strictObject({ region_id: idSchema, email: emailSchema.optional() })
export const addLineSchema = z.strictObject({ variant_id: idSchema, quantity: quantitySchema })
export const updateLineSchema = z.strictObject({ quantity: quantitySchema })
export const updateCartSchema = z.strictObject({
  email: emailSchema.optional(),
  shipping_address: addressSchema.optional(),
  billing_address: addressSchema.nullable().optional(),
})
export const shippingMethodSchema = z.strictObject({ shipping_option_id: idSchema })
export const paymentSessionSchema = z.strictObject({
  provider_id: z.string().min(1).max(64),
  data: z.strictObject({ token: z.string().min(1).max(500).optional() }).optional(),
})

export type AddressInput = z.input<typeof addressSchema>
export type CreateCartInput = z.input<typeof createCartSchema>
export type AddLineInput = z.input<typeof addLineSchema>
export type UpdateLineInput = z.input<typeof updateLineSchema>
export type UpdateCartInput = z.input<typeof updateCartSchema>
export type ShippingMethodInput = z.input<typeof shippingMethodSchema>
export type PaymentSessionInput = z.input<typeof paymentSessionSchema>

export interface Address {
  first_name: string
  last_name: string
  company: string | null
  address_1: string
  address_2: string | null
  city: string
  postal_code: string
  province: string | null
  country_code: string
  phone: string | null
}

export interface CartItem {
  id: string
  variant_id: string
  product_id: string
  product_title: string
  variant_title: string
  sku: string | null
  thumbnail: string | null
  quantity: number
  /** The price as the region shows it (tax included in a tax-inclusive region). */
  unit_price: number
  subtotal: number
  discount_total: number
  tax_lines: TaxLine[]
  tax_total: number
  total: number
}

export interface CartShippingMethod {
  shipping_option_id: string
  name: string
  provider_id: string
  /** What the buyer pays for shipping, tax included. */
  amount: number
  tax_lines: TaxLine[]
}

export interface CartPaymentSession {
  id: string
  provider_id: string
  status: PaymentSessionStatus
}

/** A cart with every total computed by the server from current prices, tax rates and shipping. */
export interface Cart {
  id: string
  region_id: string
  sales_channel_id: string
  status: CartStatus
  email: string | null
  /** The customer who owns the cart; null for a guest cart. */
  customer_id: string | null
  currency_code: string
  tax_inclusive: boolean
  shipping_address: Address | null
  billing_address: Address | null
  items: CartItem[]
  shipping_method: CartShippingMethod | null
  payment_session: CartPaymentSession | null
  promotions: CartPromotionEntry[]
  /** Every promotion applied (automatic ones too) and what it took off. */
  adjustments: CartAdjustment[]
  subtotal: number
  discount_total: number
  shipping_total: number
  shipping_tax_total: number
  tax_total: number
  total: number
  order_id: string | null
  completed_at: string | null
  created_at: string
  updated_at: string
}

export const CartErrors = {
  notFound: defineError('cart.not_found', 'not_found', (id: string) => `Cart ${id} not found`),
  completed: defineError('cart.already_completed', 'conflict', (id: string) => `Cart ${id} is already an order`),
  completing: defineError('cart.completion_in_progress', 'conflict', (id: string) => `Cart ${id} is being completed; retry shortly`),
  lineNotFound: defineError('cart.line_not_found', 'not_found', (id: string) => `The cart has no line ${id}`),
  tooManyLines: defineError('cart.too_many_lines', 'invalid', () => `A cart holds at most ${MAX_CART_LINES} lines`),
  variantNotPriced: defineError(
    'cart.variant_not_priced',
    'invalid',
    (id: string, currency: string) => `Variant ${id} has no price in ${currency}`,
  ),
  incomplete: defineError(
    'cart.incomplete',
    'invalid',
    (missing: string[]) => `The cart cannot be completed yet: it needs ${missing.join(', ')}`,
  ),
}

/** Builds an error with extra fields for the problem body (`missing`, `variants`...). */
export function withExtra(error: KassaError, extra: Record<string, unknown>): KassaError {
  return new KassaError(error.code, error.kind, error.message, { ...(error.errors && { errors: error.errors }), extra })
}
