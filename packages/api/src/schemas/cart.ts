import { FULFILLMENT_STATUSES, ORDER_STATUSES, PAYMENT_STATUSES } from '@kassa/core'
import { z } from '@hono/zod-openapi'

const money = z.number().int()
export const TaxLineSchema = z
  .object({ rate_id: z.string().nullable(), name: z.string(), rate_bps: z.number().openapi({ description: '2100 is 21%' }), amount: money })
  .openapi('TaxLine')
export const AddressSchema = z
  .object({
    first_name: z.string(),
    last_name: z.string(),
    company: z.string().nullable(),
    address_1: z.string(),
    address_2: z.string().nullable(),
    city: z.string(),
    postal_code: z.string(),
    province: z.string().nullable(),
    country_code: z.string().openapi({ description: 'ISO 3166-1 alpha-2, lowercase' }),
    phone: z.string().nullable(),
  })
  .openapi('Address')
export const ShippingMethodSchema = z
  .object({ shipping_option_id: z.string(), name: z.string(), provider_id: z.string(), amount: money, tax_lines: z.array(TaxLineSchema) })
  .openapi('ShippingMethod')

const CartItemSchema = z
  .object({
    id: z.string(),
    variant_id: z.string(),
    product_id: z.string(),
    product_title: z.string(),
    variant_title: z.string(),
    sku: z.string().nullable(),
    thumbnail: z.string().nullable(),
    quantity: z.number().int(),
    unit_price: money.openapi({ description: 'As the region shows prices: tax included in a tax-inclusive region' }),
    subtotal: money,
    discount_total: money,
    tax_lines: z.array(TaxLineSchema),
    tax_total: money,
    total: money,
  })
  .openapi('CartItem')

/** A promotion applied, and what it took off (items and shipping together; `shipping_amount` of it off shipping). */
const AdjustmentSchema = z.object({
  promotion_id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  type: z.string(),
  amount: money,
  shipping_amount: money,
})

export const CartSchema = z
  .object({
    id: z.string(),
    region_id: z.string(),
    sales_channel_id: z.string(),
    status: z.enum(['open', 'completing', 'requires_action', 'completed']),
    email: z.string().nullable(),
    customer_id: z.string().nullable().openapi({ description: 'The customer who owns the cart; null for a guest cart' }),
    currency_code: z.string(),
    tax_inclusive: z.boolean(),
    shipping_address: AddressSchema.nullable(),
    billing_address: AddressSchema.nullable(),
    items: z.array(CartItemSchema),
    shipping_method: ShippingMethodSchema.nullable(),
    payment_session: z
      .object({
        id: z.string(),
        provider_id: z.string(),
        status: z.enum(['pending', 'requires_action', 'authorized', 'awaiting', 'declined', 'canceled']),
      })
      .nullable(),
    promotions: z
      .array(z.object({ code: z.string(), applied: z.boolean(), reason: z.string().optional() }))
      .openapi({ description: 'The codes on the cart; `reason` says why one does not apply (min_subtotal_not_met, expired, usage_limit_reached...)' }),
    adjustments: z
      .array(AdjustmentSchema)
      .openapi({ description: 'Every promotion applied, automatic ones too, and what it took off (items and shipping)' }),
    subtotal: money,
    discount_total: money,
    shipping_total: money,
    shipping_tax_total: money,
    tax_total: money.openapi({ description: 'How much of the total is tax (tax-inclusive regions) or is added as tax' }),
    total: money,
    order_id: z.string().nullable(),
    completed_at: z.string().nullable(),
    created_at: z.string().openapi({ format: 'date-time' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Cart')

export const ShippingQuoteSchema = z
  .object({ id: z.string(), name: z.string(), amount: money, provider_id: z.string() })
  .openapi('ShippingOptionQuote')

export const OrderSchema = z
  .object({
    id: z.string(),
    number: z.number().int().openapi({ description: 'Human-readable, sequential per store from 1001' }),
    cart_id: z.string(),
    sales_channel_id: z.string(),
    region_id: z.string(),
    status: z.enum(ORDER_STATUSES),
    fulfillment_status: z.enum(FULFILLMENT_STATUSES),
    email: z.string(),
    customer_id: z.string().nullable().openapi({ description: 'The customer who placed the order; null for a guest order' }),
    currency_code: z.string(),
    tax_inclusive: z.boolean(),
    shipping_address: AddressSchema,
    billing_address: AddressSchema.nullable(),
    shipping_method: ShippingMethodSchema,
    items: z.array(
      z.object({
        id: z.string(),
        variant_id: z.string(),
        product_id: z.string(),
        product_title: z.string(),
        variant_title: z.string(),
        sku: z.string().nullable(),
        quantity: z.number().int(),
        unit_price: money,
        subtotal: money,
        discount_total: money,
        tax_lines: z.array(TaxLineSchema),
        tax_total: money,
        total: money,
        fulfilled_quantity: z.number().int(),
        shipped_quantity: z.number().int(),
        delivered_quantity: z.number().int(),
        returned_quantity: z.number().int().openapi({ description: 'Units received back in returns' }),
      }),
    ),
    promotions: z.array(AdjustmentSchema).openapi({
      description:
        'The promotions the order got and what each took off (the `adjustments` of the cart), as recorded at purchase: editing or deleting a promotion later changes nothing',
    }),
    subtotal: money,
    discount_total: money,
    shipping_total: money,
    tax_total: money,
    total: money,
    payment: z.object({
      provider_id: z.string(),
      status: z.enum(PAYMENT_STATUSES),
      authorized_amount: money,
      captured_amount: money,
      refunded_amount: money,
      outstanding_amount: money.openapi({ description: 'Owed by the buyer after an edit raised the total beyond what the payment covers' }),
    }),
    order_token: z.string().openapi({ description: 'Send as x-order-token to read the order as a guest' }),
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Order')
