import { timingSafeEqual } from 'node:crypto'
import type { Cart } from '../cart/index.js'
import type { Ctx } from '../kernel/ctx.js'
import { newToken } from '../kernel/ids.js'
import { type Order, OrderErrors } from './order.js'
import * as repo from './order.repository.js'
import type { OrderPaymentStatus } from './order.table.js'

export interface PlaceOrderInput {
  /** The cart as it was priced when payment was authorized: the order copies its lines and totals. */
  cart: Cart & {
    email: string
    shipping_address: NonNullable<Cart['shipping_address']>
    shipping_method: NonNullable<Cart['shipping_method']>
  }
  payment: { provider_id: string; status: OrderPaymentStatus; provider_ref: string | null }
  /** The order's id, when the caller wrote rows that name it before placing it (default: a new one). */
  id?: string
}

/**
 * Writes the order for a priced cart: the next number, a snapshot of every line and total, and a
 * token for guest access. Call it inside the transaction that also marks the cart completed, as
 * late in it as possible: the number's counter row stays locked until that transaction ends, so
 * every other placement in any process waits for it.
 */
export async function placeOrder(ctx: Ctx, input: PlaceOrderInput): Promise<Order> {
  const { cart, payment } = input
  const order: Order = {
    id: input.id ?? ctx.newId('ord'),
    number: await repo.takeOrderNumber(ctx.db),
    cart_id: cart.id,
    sales_channel_id: cart.sales_channel_id,
    region_id: cart.region_id,
    status: 'pending',
    fulfillment_status: 'not_fulfilled',
    email: cart.email,
    customer_id: cart.customer_id ?? null,
    currency_code: cart.currency_code,
    tax_inclusive: cart.tax_inclusive,
    shipping_address: cart.shipping_address,
    billing_address: cart.billing_address,
    shipping_method: cart.shipping_method,
    items: cart.items.map((item) => ({
      id: ctx.newId('ordli'),
      variant_id: item.variant_id,
      product_id: item.product_id,
      product_title: item.product_title,
      variant_title: item.variant_title,
      sku: item.sku,
      quantity: item.quantity,
      unit_price: item.unit_price,
      subtotal: item.subtotal,
      discount_total: item.discount_total,
      tax_lines: item.tax_lines,
      tax_total: item.tax_total,
      total: item.total,
      fulfilled_quantity: 0,
      shipped_quantity: 0,
      delivered_quantity: 0,
      returned_quantity: 0,
    })),
    promotions: (cart.adjustments ?? []).map((a) => ({
      promotion_id: a.promotion_id,
      code: a.code,
      name: a.name,
      type: a.type,
      amount: a.amount,
      shipping_amount: a.shipping_amount,
    })),
    subtotal: cart.subtotal,
    discount_total: cart.discount_total,
    shipping_total: cart.shipping_total,
    tax_total: cart.tax_total,
    total: cart.total,
    payment: {
      provider_id: payment.provider_id,
      status: payment.status,
      authorized_amount: payment.status === 'authorized' ? cart.total : 0,
      captured_amount: 0,
      refunded_amount: 0,
      outstanding_amount: 0,
    },
    order_token: newToken('ordtok'),
    created_at: ctx.now().toISOString(),
  }
  await repo.insertOrder(ctx.db, order, payment.provider_ref)
  return order
}

/** The order placed from a cart, if any. */
export async function findOrderByCart(ctx: Ctx, cartId: string): Promise<Order | undefined> {
  return repo.findOrder(ctx.db, { cartId })
}

/**
 * An order by id for someone holding its token (a guest), or for the signed-in customer who owns it;
 * a wrong token or another customer's order is the same 404 as no order.
 */
export async function getOrderWithToken(ctx: Ctx, id: string, token: string | undefined): Promise<Order> {
  const order = await repo.findOrder(ctx.db, { id })
  const sameChannel = order && (!ctx.channel || order.sales_channel_id === ctx.channel.id)
  if (!order || !sameChannel) throw OrderErrors.notFound(id)
  if (token && sameToken(order.order_token, token)) return order
  if (ctx.actor.type === 'customer' && order.customer_id === ctx.actor.id) return order
  throw OrderErrors.notFound(id)
}

function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
