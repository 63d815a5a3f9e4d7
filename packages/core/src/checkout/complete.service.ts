import {
  buildCart,
  cancelQuietly,
  type Cart,
  CartErrors,
  type CartRow,
  findPaymentProvider,
  findPaymentSession,
  getCartRow,
  isCartVisible,
  moveCartStatus,
  type PaymentSessionRow,
  updatePaymentSession,
  withExtra,
} from '../cart/index.js'
import { convertReservations, releaseReservations, RESERVATION_TTL_MS, reserveStock } from '../inventory/index.js'
import type { PaymentProvider } from '../config/providers.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { recordEvents } from '../events/event.service.js'
import { parseInput } from '../kernel/validate.js'
import { findOrderByCart, type Order, placeOrder, type PlaceOrderInput } from '../orders/index.js'
import { claimPromotionUses, insertOrderPromotions, noteRefusedPromotions, releasePromotionUses, useClaimedPromotions } from '../promotions/index.js'
import type { PaymentResult } from '../payments/index.js'
import {
  type CartCompleteInput,
  type CartPaymentConfirmInput,
  CheckoutErrors,
  CLAIM_STALE_MS,
  COMPLETION_WAIT_MS,
  completeCartSchema,
  paymentConfirmSchema,
} from './checkout.js'

interface Claimed {
  cart: PlaceOrderInput['cart']
  payment: PaymentSessionRow
  gateway: PaymentProvider
}

/**
 * Turns a cart into an order. One caller claims the cart (a conditional update), reserves its stock
 * and prices it in one transaction; the payment is authorized outside any transaction; the order is
 * written in a second one. Concurrent callers wait for that outcome. Completing a completed cart
 * answers its order. Throws `cart.incomplete` (with `missing`), `inventory.insufficient`,
 * `payment.declined` (stock released) or `payment.requires_action` (stock held; then
 * {@link confirmPayment}). With `expected_total`, a cart whose fresh total differs throws
 * `cart.total_changed` before anything is reserved, claimed or charged.
 */
export async function completeCart(ctx: Ctx, cartId: string, rawInput: CartCompleteInput = {}): Promise<Order> {
  const input = parseInput(completeCartSchema, rawInput)
  return whenClaimed(ctx, cartId, 'open', input.expected_total, async (claimed) => {
    const { cart, payment, gateway } = claimed
    let outcome: PaymentResult
    try {
      outcome = await gateway.authorize({
        session_id: payment.id,
        amount: cart.total,
        currency_code: cart.currency_code,
        ...(payment.token && { data: { token: payment.token } }),
        // The session id: a retried completion can never authorize twice.
        idempotency_key: payment.id,
      })
    } catch (error) {
      await giveUp(ctx, cartId, payment.id, 'pending')
      throw error
    }
    return settle(ctx, claimed, outcome)
  })
}

/** Confirms a payment that answered `payment.requires_action` (3-D Secure and the like) and completes the cart. */
export async function confirmPayment(ctx: Ctx, cartId: string, rawInput: CartPaymentConfirmInput = {}): Promise<Order> {
  const input = parseInput(paymentConfirmSchema, rawInput)
  return whenClaimed(ctx, cartId, 'requires_action', input.expected_total, async (claimed) => {
    const { payment, gateway } = claimed
    let outcome: PaymentResult
    try {
      outcome = await gateway.confirm({
        session_id: payment.id,
        provider_ref: payment.provider_ref ?? '',
        ...(input.data && { data: input.data }),
      })
    } catch (error) {
      await inTransaction(ctx, (tx) => moveCartStatus(tx.db, cartId, 'completing', 'requires_action', tx.now().toISOString()))
      throw error
    }
    return settle(ctx, claimed, outcome)
  })
}

/**
 * Claims the cart (status `from` -> `completing`) and runs `work`; when another caller holds the
 * claim, waits for its outcome and answers the same (the order, or the payment's state).
 */
async function whenClaimed(
  ctx: Ctx,
  cartId: string,
  from: 'open' | 'requires_action',
  expectedTotal: number | undefined,
  work: (claimed: Claimed) => Promise<Order>,
): Promise<Order> {
  const deadline = Date.now() + COMPLETION_WAIT_MS
  let waited = false
  for (;;) {
    const row = await getCartRow(ctx, cartId)
    if (row.status === 'completed') return orderOf(ctx, row)
    if (row.status === from || row.status === 'completing') {
      const claimed = await claim(ctx, row, from, expectedTotal)
      if (claimed) return work(claimed)
    } else if (row.status === 'requires_action') {
      throw CheckoutErrors.requiresAction(cartId)
    } else if (from === 'requires_action') {
      // The cart is open: after waiting, the other caller's confirmation was declined.
      if (waited && (await findPaymentSession(ctx.db, cartId))?.status === 'declined') throw CheckoutErrors.declined()
      throw CheckoutErrors.nothingToConfirm(cartId)
    }
    if (waited && from === 'open' && row.status === 'open' && (await findPaymentSession(ctx.db, cartId))?.status === 'declined') {
      throw CheckoutErrors.declined()
    }
    if (Date.now() > deadline) throw CartErrors.completing(cartId)
    waited = true
    await sleep(20 + Math.random() * 30)
  }
}

/** Transaction 1: claim, check completeness, price, reserve stock. Undefined when another caller holds the claim. */
async function claim(ctx: Ctx, row: CartRow, from: 'open' | 'requires_action', expectedTotal: number | undefined): Promise<Claimed | undefined> {
  const claimed = inTransaction(ctx, async (tx) => {
    const now = tx.now()
    const staleClaimBefore = new Date(now.getTime() - CLAIM_STALE_MS).toISOString()
    const claimedRow = await moveCartStatus(tx.db, row.id, from, 'completing', now.toISOString(), { staleClaimBefore })
    if (!claimedRow) return undefined
    // The owner may have changed since `row` was read (a guest cart taken over by a customer): the claim rolls back.
    if (!isCartVisible(tx, claimedRow)) throw CartErrors.notFound(row.id)
    const payment = await findPaymentSession(tx.db, row.id)
    const reserve = (cart: Cart) =>
      reserveStock(tx, {
        cart_id: cart.id,
        channel_id: cart.sales_channel_id,
        items: cart.items.map((i) => ({ variant_id: i.variant_id, quantity: i.quantity })),
        expires_at: new Date(now.getTime() + RESERVATION_TTL_MS).toISOString(),
      })
    if (from === 'requires_action') {
      // The cart was priced when the payment was first authorized. Its reservation is renewed:
      // the sweeper may have released it while the buyer took longer than its expiry.
      if (!payment?.snapshot) throw CheckoutErrors.nothingToConfirm(row.id)
      const cart = payment.snapshot as Claimed['cart']
      guardTotal(cart.total, expectedTotal)
      await claimPromotionUses(tx, cart, expiresAt(now), { confirming: true })
      await reserve(cart)
      return { cart, payment, gateway: gatewayOf(tx, payment) }
    }
    // Priced from the row as claimed (no edit can change it any more) and the session just read.
    const cart = await buildCart(tx, claimedRow, { payment: payment ?? null })
    const missing = missingFor(cart, payment)
    if (missing.length || !payment) throw withExtra(CartErrors.incomplete(missing), { missing })
    const gateway = gatewayOf(tx, payment)
    // Written before the shared rows are locked (promotion uses, stock levels), so that they stay
    // locked for as few statements as possible; an error below rolls it back with the rest.
    await updatePaymentSession(tx.db, payment.id, { amount: cart.total, snapshot: cart, now: now.toISOString() })
    // Promotion uses are taken with the stock, before payment; see promotion-claim.service.ts.
    // A code that lost its last use answers promotion.usage_limit_reached (and is marked seen) first.
    await claimPromotionUses(tx, cart, expiresAt(now))
    // The buyer pays the total shown, or nothing: a different total rolls this transaction back
    // (no use claimed, no stock reserved, the cart open and unchanged) before any payment call.
    guardTotal(cart.total, expectedTotal)
    await reserve(cart)
    return { cart: cart as Claimed['cart'], payment, gateway }
  })
  // A promotion without uses left rolled the claim back: the cart shows it as not applied from now on.
  return claimed.catch((error: unknown) => noteRefusedPromotions(ctx, row.id, error))
}

/** Throws `cart.total_changed` when the buyer was shown another total than the one computed now. */
function guardTotal(total: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== total) throw CheckoutErrors.totalChanged(expected, total)
}

function expiresAt(now: Date): string {
  return new Date(now.getTime() + RESERVATION_TTL_MS).toISOString()
}

/** What the cart still needs before it can be completed. */
export function missingFor(cart: Cart, payment: PaymentSessionRow | undefined): string[] {
  const missing: string[] = []
  if (!cart.items.length) missing.push('items')
  if (!cart.email) missing.push('email')
  if (!cart.shipping_address) missing.push('shipping_address')
  if (!cart.shipping_method) missing.push('shipping_method')
  if (!payment || !['pending', 'requires_action'].includes(payment.status)) missing.push('payment')
  return missing
}

/** Acts on the provider's answer: place the order, wait for the buyer, or give the claim up. */
async function settle(ctx: Ctx, claimed: Claimed, outcome: PaymentResult): Promise<Order> {
  const { cart, payment } = claimed
  if (outcome.status === 'declined') {
    await giveUp(ctx, cart.id, payment.id, 'declined')
    throw CheckoutErrors.declined(outcome.reason)
  }
  if (outcome.status === 'requires_action') {
    await inTransaction(ctx, async (tx) => {
      const now = tx.now().toISOString()
      await moveCartStatus(tx.db, cart.id, 'completing', 'requires_action', now)
      await updatePaymentSession(tx.db, payment.id, {
        status: 'requires_action',
        provider_ref: outcome.provider_ref ?? payment.provider_ref,
        now,
      })
    })
    throw CheckoutErrors.requiresAction(cart.id)
  }
  return writeOrder(ctx, claimed, outcome)
}

/**
 * Transaction 2: the order, the reservations made its own, the cart completed. The order number
 * comes last: its counter row is locked from there to the commit, and every placement in every
 * process queues on it, so only the order's own rows and its events are written while it is held.
 */
async function writeOrder(ctx: Ctx, { cart, payment }: Claimed, outcome: PaymentResult): Promise<Order> {
  const providerRef = outcome.provider_ref ?? payment.provider_ref
  const status = outcome.status === 'pending' ? 'awaiting' : 'authorized'
  try {
    return await inTransaction(ctx, async (tx) => {
      const now = tx.now().toISOString()
      const orderId = tx.newId('ord')
      if (!(await moveCartStatus(tx.db, cart.id, 'completing', 'completed', now, { order_id: orderId, completed_at: now }))) {
        throw CartErrors.completing(cart.id)
      }
      await updatePaymentSession(tx.db, payment.id, { status, provider_ref: providerRef, now })
      await convertReservations(tx, cart.id, orderId)
      const promotions = await useClaimedPromotions(tx, cart, orderId)
      const order = await placeOrder(tx, { id: orderId, cart, payment: { provider_id: payment.provider_id, status, provider_ref: providerRef } })
      await insertOrderPromotions(tx, promotions)
      // The events are part of the same transaction: an order never exists without them.
      await recordEvents(tx, [
        { type: 'cart.completed', data: { cart_id: cart.id, order_id: order.id } },
        { type: 'order.placed', data: orderPlacedPayload(order) },
      ])
      return order
    })
  } catch (error) {
    // Another caller that took over a stale claim may have written the order: that one stands.
    const placed = await findOrderByCart(ctx, cart.id)
    if (placed) return placed
    if (providerRef) await cancelQuietly(ctx, payment.provider_id, providerRef)
    await giveUp(ctx, cart.id, payment.id, 'canceled')
    throw error
  }
}

function orderPlacedPayload(order: Order): Record<string, unknown> {
  return {
    id: order.id,
    number: order.number,
    cart_id: order.cart_id,
    sales_channel_id: order.sales_channel_id,
    region_id: order.region_id,
    email: order.email,
    currency_code: order.currency_code,
    total: order.total,
    items: order.items.map((i) => ({ variant_id: i.variant_id, sku: i.sku, quantity: i.quantity, unit_price: i.unit_price, total: i.total })),
  }
}

/** Releases the claim and the stock; the payment session keeps `status` (a declined one must be replaced). */
async function giveUp(ctx: Ctx, cartId: string, paymentId: string, status: 'pending' | 'declined' | 'canceled'): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString()
    await releaseReservations(tx, cartId)
    await releasePromotionUses(tx, cartId)
    await moveCartStatus(tx.db, cartId, 'completing', 'open', now)
    await updatePaymentSession(tx.db, paymentId, { status, now })
  })
}

function gatewayOf(ctx: Ctx, payment: PaymentSessionRow): PaymentProvider {
  const gateway = findPaymentProvider(ctx, payment.provider_id)
  if (!gateway) throw CheckoutErrors.providerUnknown(payment.provider_id)
  return gateway
}

async function orderOf(ctx: Ctx, row: CartRow): Promise<Order> {
  const order = await findOrderByCart(ctx, row.id)
  if (!order) throw CartErrors.completing(row.id)
  return order
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
