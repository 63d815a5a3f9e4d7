import { constraintViolation } from '../db/dialect.js'
import { CatalogErrors } from '../catalog/index.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { CommonErrors } from '../kernel/errors.js'
import { parseInput } from '../kernel/validate.js'
import { getRegion, type Region, RegionErrors } from '../regions/index.js'
import { listShippingOptionsFor, quoteShippingOption, type ShippingQuote } from '../shipping/index.js'
import {
  type AddLineInput,
  addLineSchema,
  type Address,
  type Cart,
  CartErrors,
  type CreateCartInput,
  createCartSchema,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  type UpdateCartInput,
  updateCartSchema,
  type UpdateLineInput,
  updateLineSchema,
} from './cart.js'
import { abandonPendingPayment } from './cart-release.js'
import { buildCart, destinationOf, isSellable, shippingBasis } from './cart-view.js'
import * as repo from './cart.repository.js'
import type { CartRow, PaymentSessionRow } from './cart.repository.js'

/**
 * The cart row, if it exists and belongs to the ctx's sales channel (another channel's cart is not
 * found); a customer's cart is found only by that customer (anyone else gets the same not found).
 */
export async function getCartRow(ctx: Ctx, id: string): Promise<CartRow> {
  const row = await repo.findCartRow(ctx.db, id)
  if (!row || !isCartVisible(ctx, row)) throw CartErrors.notFound(id)
  return row
}

/** Whether the ctx may see this cart row: its sales channel, and the owner's (or an admin's) when it has one. */
export function isCartVisible(ctx: Ctx, row: CartRow): boolean {
  return (!ctx.channel || row.sales_channel_id === ctx.channel.id) && mayUseCart(ctx, row)
}

/** Guest carts are anyone's who holds the id; a customer's cart is theirs alone (admins and the system see all). */
function mayUseCart(ctx: Ctx, row: CartRow): boolean {
  if (!row.customer_id) return true
  if (ctx.actor.type === 'customer') return ctx.actor.id === row.customer_id
  return ctx.actor.type === 'admin' || ctx.actor.type === 'system'
}

/**
 * A cart with its totals computed now; once a completion has priced it (waiting for a payment
 * confirmation, or completed), the cart as it was priced then, which is what the order holds.
 */
export async function getCart(ctx: Ctx, id: string): Promise<Cart> {
  const row = await getCartRow(ctx, id)
  if (row.status === 'open') return buildCart(ctx, row)
  const payment = await repo.findPaymentSession(ctx.db, id)
  if (!payment?.snapshot) return buildCart(ctx, row)
  const priced = payment.snapshot as Cart
  return {
    ...priced,
    status: row.status,
    order_id: row.order_id,
    completed_at: row.completed_at,
    updated_at: row.updated_at,
    payment_session: { id: payment.id, provider_id: payment.provider_id, status: payment.status },
  }
}

/** Creates an empty cart in a region, in the ctx's sales channel; a signed-in customer's cart is theirs. */
export async function createCart(ctx: Ctx, rawInput: CreateCartInput): Promise<Cart> {
  const input = parseInput(createCartSchema, rawInput)
  if (!ctx.channel) throw new Error('createCart needs a sales channel in the ctx')
  const region = await getRegion(ctx, input.region_id)
  const id = ctx.newId('cart')
  const customerId = ctx.actor.type === 'customer' ? ctx.actor.id : null
  const row = await repo.insertCart(ctx.db, {
    id,
    sales_channel_id: ctx.channel.id,
    region_id: region.id,
    currency_code: region.currency_code.toUpperCase(),
    // A signed-in customer's cart starts with the account's email.
    email: input.email ?? (customerId ? ((await repo.findCustomerEmail(ctx.db, customerId)) ?? null) : null),
    customer_id: customerId,
    now: ctx.now().toISOString(),
  })
  return buildCart(ctx, row, { region, payment: null })
}

/** Adds a variant; adding one the cart holds already adds to that line. */
export async function addLine(ctx: Ctx, cartId: string, rawInput: AddLineInput): Promise<Cart> {
  const input = parseInput(addLineSchema, rawInput)
  return editCart(ctx, cartId, async (tx, cart) => {
    const variant = await repo.findSellableVariant(tx.db, input.variant_id, cart.currency_code, cart.sales_channel_id)
    // A product outside the cart's sales channel does not exist for that channel's buyers.
    if (!variant || variant.status !== 'published' || variant.archived_at !== null || !variant.in_channel) throw CatalogErrors.variantNotFound(input.variant_id)
    if (variant.amount === null) throw CartErrors.variantNotPriced(input.variant_id, cart.currency_code)
    const now = tx.now().toISOString()
    const lines = await repo.findLineQuantitiesById(tx.db, cartId)
    const existing = lines.find((l) => l.variant_id === input.variant_id)
    if (existing) {
      const quantity = existing.quantity + input.quantity
      if (quantity > MAX_LINE_QUANTITY) throw quantityTooBig()
      await repo.setLineQuantity(tx.db, existing.id, quantity, now)
      return
    }
    if (lines.length >= MAX_CART_LINES) throw CartErrors.tooManyLines()
    await repo.insertLine(tx.db, { id: tx.newId('cali'), cart_id: cartId, variant_id: input.variant_id, quantity: input.quantity, now })
  })
}

export async function updateLine(ctx: Ctx, cartId: string, lineId: string, rawInput: UpdateLineInput): Promise<Cart> {
  const input = parseInput(updateLineSchema, rawInput)
  return editCart(ctx, cartId, async (tx) => {
    if (!(await repo.findLine(tx.db, cartId, lineId))) throw CartErrors.lineNotFound(lineId)
    await repo.setLineQuantity(tx.db, lineId, input.quantity, tx.now().toISOString())
  })
}

export async function removeLine(ctx: Ctx, cartId: string, lineId: string): Promise<Cart> {
  return editCart(ctx, cartId, async (tx) => {
    if (!(await repo.deleteLine(tx.db, cartId, lineId))) throw CartErrors.lineNotFound(lineId)
  })
}

/** Sets the email and addresses; both countries must belong to the cart's region. */
export async function updateCart(ctx: Ctx, cartId: string, rawInput: UpdateCartInput): Promise<Cart> {
  const input = parseInput(updateCartSchema, rawInput)
  return editCart(ctx, cartId, async (tx, cart) => {
    const region = await getRegion(tx, cart.region_id)
    const shipping = input.shipping_address && normalizeAddress(input.shipping_address)
    const billing = input.billing_address && normalizeAddress(input.billing_address)
    for (const address of [shipping, billing]) {
      if (address && !region.countries.includes(address.country_code)) throw RegionErrors.countryNotInRegion(address.country_code)
    }
    const row = await repo.updateCartRow(tx.db, cartId, {
      ...(input.email !== undefined && { email: input.email }),
      ...(shipping !== undefined && { shipping_address: shipping }),
      ...(billing !== undefined && { billing_address: billing }),
    })
    return { row, region }
  })
}

/** The shipping options that can ship this cart, priced for it. */
export async function listCartShippingOptions(ctx: Ctx, cartId: string): Promise<ShippingQuote[]> {
  const cart = await getCartRow(ctx, cartId)
  const region = await getRegion(ctx, cart.region_id)
  const destination = destinationOf(cart, region)
  if (!destination.country_code) return []
  const lines = (await repo.findCartLines(ctx.db, cartId, cart.currency_code)).filter(isSellable)
  return listShippingOptionsFor(ctx, { region_id: region.id, country_code: destination.country_code, ...shippingBasis(lines) }, region)
}

/** Picks a shipping option; it must be able to ship the cart as it is now. */
export async function setShippingMethod(ctx: Ctx, cartId: string, optionId: string): Promise<Cart> {
  return editCart(ctx, cartId, async (tx, cart) => {
    const region = await getRegion(tx, cart.region_id)
    const destination = destinationOf(cart, region)
    const lines = (await repo.findCartLines(tx.db, cartId, cart.currency_code)).filter(isSellable)
    await quoteShippingOption(tx, optionId, { region_id: region.id, country_code: destination.country_code, ...shippingBasis(lines) }, region)
    return { row: await repo.updateCartRow(tx.db, cartId, { shipping_option_id: optionId }), region }
  })
}

/**
 * What a cart write read or changed, so the answer does not read it again: the row as the write left
 * it (when it changed the cart's own columns), the region, the payment session it created.
 */
export type CartEdit = { row?: CartRow; region?: Region; payment?: PaymentSessionRow } | void

/**
 * Runs a write on an open cart inside one transaction, then answers with the recomputed cart. A
 * cart waiting for a payment confirmation gives that up first (stock back, cart open again). The
 * row comes from the touch that locks it, and what the write read is not read again for the answer.
 */
export async function editCart(ctx: Ctx, cartId: string, write: (tx: Ctx, cart: CartRow) => Promise<CartEdit>): Promise<Cart> {
  const edit = () =>
    guardLineLimits(() =>
      inTransaction(ctx, async (tx) => {
        const touched = await repo.touchOpenCart(tx.db, cartId, tx.now().toISOString())
        if (!touched) return undefined
        // Another channel's or customer's cart: the touch rolls back with the error.
        if (!isCartVisible(ctx, touched)) throw CartErrors.notFound(cartId)
        const edited = await write(tx, touched)
        return { ...edited, row: edited?.row ?? touched }
      }),
    )
  let done = await edit()
  if (!done) {
    const current = await getCartRow(ctx, cartId)
    if (current.status !== 'requires_action') throw notOpen(current)
    await abandonPendingPayment(ctx, cartId)
    done = await edit()
    if (!done) throw notOpen(await getCartRow(ctx, cartId))
  }
  const { row, ...known } = done
  return buildCart(ctx, row, known)
}

/** The error for a write on a cart that is not open. */
export function notOpen(cart: CartRow) {
  if (cart.status === 'completed') return CartErrors.completed(cart.id)
  return CartErrors.completing(cart.id)
}

function normalizeAddress(address: NonNullable<UpdateCartInput['shipping_address']>): Address {
  return {
    first_name: address.first_name,
    last_name: address.last_name,
    company: address.company || null,
    address_1: address.address_1,
    address_2: address.address_2 || null,
    city: address.city,
    postal_code: address.postal_code,
    province: address.province || null,
    country_code: address.country_code.toLowerCase(),
    phone: address.phone || null,
  }
}

function quantityTooBig() {
  return CommonErrors.validation([{ path: 'quantity', code: 'too_big', message: `A line holds at most ${MAX_LINE_QUANTITY} units` }])
}

/** Two concurrent adds of one variant can race past the checks: the database constraints decide. */
async function guardLineLimits<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    const violation = constraintViolation(error)
    if (violation?.kind === 'check') throw quantityTooBig()
    if (violation?.kind === 'unique') throw CommonErrors.conflict('The cart line')
    throw error
  }
}
