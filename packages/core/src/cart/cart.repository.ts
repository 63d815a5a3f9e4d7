import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../db/database.js'
import { parseJson, toIso, toIsoOrNull, toJson } from '../db/dialect.js'
import type { Address } from './cart.js'
import type { CartPaymentTable, CartStatus, CartTable, PaymentSessionStatus } from './cart.table.js'

type Db = Kysely<Database>

export interface CartRow {
  id: string
  sales_channel_id: string
  region_id: string
  currency_code: string
  email: string | null
  customer_id: string | null
  shipping_address: Address | null
  billing_address: Address | null
  shipping_option_id: string | null
  status: CartStatus
  order_id: string | null
  completed_at: string | null
  created_at: string
  updated_at: string
}

/** A line with what the cart needs to price it: the variant, its product and its price in the cart currency. */
export interface CartLineRow {
  id: string
  variant_id: string
  quantity: number
  product_id: string
  product_title: string
  product_status: string
  variant_title: string
  sku: string | null
  weight_grams: number | null
  archived: boolean
  thumbnail: string | null
  /** null when the variant has no price in the cart's currency. */
  price: number | null
}

export interface PaymentSessionRow {
  id: string
  cart_id: string
  provider_id: string
  token: string | null
  status: PaymentSessionStatus
  provider_ref: string | null
  amount: number | null
  snapshot: unknown
}

function toCartRow(row: Selectable<CartTable>): CartRow {
  return {
    id: row.id,
    sales_channel_id: row.sales_channel_id,
    region_id: row.region_id,
    currency_code: row.currency_code,
    email: row.email,
    customer_id: row.customer_id ?? null,
    shipping_address: parseJson<Address | null>(row.shipping_address, null),
    billing_address: parseJson<Address | null>(row.billing_address, null),
    shipping_option_id: row.shipping_option_id,
    status: row.status,
    order_id: row.order_id,
    completed_at: toIsoOrNull(row.completed_at),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

export async function findCartRow(db: Db, id: string): Promise<CartRow | undefined> {
  const row = await db.selectFrom('cart').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toCartRow(row)
}

/** Inserts an open, empty cart and answers its row. */
export async function insertCart(
  db: Db,
  row: { id: string; sales_channel_id: string; region_id: string; currency_code: string; email: string | null; customer_id?: string | null; now: string },
): Promise<CartRow> {
  const { now, customer_id = null, ...values } = row
  const inserted = {
    ...values,
    customer_id,
    status: 'open' as const,
    shipping_address: null,
    billing_address: null,
    shipping_option_id: null,
    created_at: now,
    updated_at: now,
  }
  await db.insertInto('cart').values(inserted).execute()
  return toCartRow({ ...inserted, claimed_at: null, order_id: null, completed_at: null })
}

/**
 * Touches an open cart so that writes and the completion claim serialize on its row, and answers
 * the row as touched; undefined when the cart is not open (gone, completing or completed).
 */
export async function touchOpenCart(db: Db, id: string, now: string): Promise<CartRow | undefined> {
  const row = await db.updateTable('cart').set({ updated_at: now }).where('id', '=', id).where('status', '=', 'open').returningAll().executeTakeFirst()
  return row && toCartRow(row)
}

/** Sets the given columns and answers the row as it is now. */
export async function updateCartRow(
  db: Db,
  id: string,
  values: {
    email?: string | null
    shipping_address?: Address | null
    billing_address?: Address | null
    shipping_option_id?: string | null
  },
): Promise<CartRow> {
  const row = await db
    .updateTable('cart')
    .set({
      ...(values.email !== undefined && { email: values.email }),
      ...(values.shipping_address !== undefined && { shipping_address: values.shipping_address && toJson(values.shipping_address) }),
      ...(values.billing_address !== undefined && { billing_address: values.billing_address && toJson(values.billing_address) }),
      ...(values.shipping_option_id !== undefined && { shipping_option_id: values.shipping_option_id }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toCartRow(row)
}

/**
 * Moves a cart from one status to another and answers the row as moved; undefined when it was not
 * in `from` (someone else moved it).
 */
export async function moveCartStatus(
  db: Db,
  id: string,
  from: CartStatus | CartStatus[],
  to: CartStatus,
  now: string,
  extra: { order_id?: string; completed_at?: string; staleClaimBefore?: string } = {},
): Promise<CartRow | undefined> {
  const fromList = Array.isArray(from) ? from : [from]
  const row = await db
    .updateTable('cart')
    .set({
      status: to,
      claimed_at: to === 'completing' ? now : null,
      updated_at: now,
      ...(extra.order_id && { order_id: extra.order_id }),
      ...(extra.completed_at && { completed_at: extra.completed_at }),
    })
    .where('id', '=', id)
    .where((eb) => {
      const inFrom = eb('status', 'in', fromList)
      // A claim whose holder died (the process crashed mid-completion) can be taken over.
      if (!extra.staleClaimBefore) return inFrom
      return eb.or([inFrom, eb.and([eb('status', '=', 'completing'), eb('claimed_at', '<', extra.staleClaimBefore)])])
    })
    .returningAll()
    .executeTakeFirst()
  return row && toCartRow(row)
}

export async function findCartLines(db: Db, cartId: string, currency: string): Promise<CartLineRow[]> {
  const rows = await db
    .selectFrom('cart_line as l')
    .innerJoin('product_variant as v', 'v.id', 'l.variant_id')
    .innerJoin('product as p', 'p.id', 'v.product_id')
    .leftJoin('price as pr', (join) => join.onRef('pr.variant_id', '=', 'v.id').on('pr.currency_code', '=', currency))
    .select((eb) => [
      'l.id',
      'l.variant_id',
      'l.quantity',
      'p.id as product_id',
      'p.title as product_title',
      'p.status as product_status',
      'v.title as variant_title',
      'v.sku',
      'v.weight_grams',
      'v.archived_at',
      'pr.amount as price',
      eb
        .selectFrom('product_media as m')
        .select('m.url')
        .whereRef('m.product_id', '=', 'p.id')
        .orderBy('m.position')
        .limit(1)
        .as('thumbnail'),
    ])
    .where('l.cart_id', '=', cartId)
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    variant_id: r.variant_id,
    quantity: Number(r.quantity),
    product_id: r.product_id,
    product_title: r.product_title,
    product_status: r.product_status,
    variant_title: r.variant_title,
    sku: r.sku,
    weight_grams: r.weight_grams === null ? null : Number(r.weight_grams),
    archived: r.archived_at !== null,
    thumbnail: r.thumbnail ?? null,
    price: r.price === null || r.price === undefined ? null : Number(r.price),
  }))
}

/**
 * The variant as a cart sees it: sellable when published, not archived, and priced in `currency`;
 * `in_channel` when its product is sold in the cart's sales channel.
 */
export async function findSellableVariant(db: Db, variantId: string, currency: string, channelId: string) {
  const row = await db
    .selectFrom('product_variant as v')
    .innerJoin('product as p', 'p.id', 'v.product_id')
    .leftJoin('price as pr', (join) => join.onRef('pr.variant_id', '=', 'v.id').on('pr.currency_code', '=', currency))
    .select((eb) => [
      'v.id',
      'v.product_id',
      'p.status',
      'v.archived_at',
      'pr.amount',
      eb
        .exists(eb.selectFrom('product_sales_channel as psc').select('psc.product_id').whereRef('psc.product_id', '=', 'v.product_id').where('psc.sales_channel_id', '=', channelId))
        .as('in_channel'),
    ])
    .where('v.id', '=', variantId)
    .executeTakeFirst()
  return row && { ...row, in_channel: Boolean(row.in_channel) }
}

/** The cart's lines, bare (id, variant, quantity): what adding a line checks against. */
export async function findLineQuantitiesById(db: Db, cartId: string): Promise<{ id: string; variant_id: string; quantity: number }[]> {
  const rows = await db.selectFrom('cart_line').select(['id', 'variant_id', 'quantity']).where('cart_id', '=', cartId).execute()
  return rows.map((r) => ({ id: r.id, variant_id: r.variant_id, quantity: Number(r.quantity) }))
}

export async function countLines(db: Db, cartId: string): Promise<number> {
  const row = await db
    .selectFrom('cart_line')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cart_id', '=', cartId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findLine(db: Db, cartId: string, lineId: string) {
  return db.selectFrom('cart_line').selectAll().where('cart_id', '=', cartId).where('id', '=', lineId).executeTakeFirst()
}

export async function findLineByVariant(db: Db, cartId: string, variantId: string) {
  return db.selectFrom('cart_line').selectAll().where('cart_id', '=', cartId).where('variant_id', '=', variantId).executeTakeFirst()
}

export async function insertLine(db: Db, row: { id: string; cart_id: string; variant_id: string; quantity: number; now: string }) {
  const { now, ...values } = row
  await db
    .insertInto('cart_line')
    .values({ ...values, created_at: now, updated_at: now })
    .execute()
}

export async function setLineQuantity(db: Db, lineId: string, quantity: number, now: string) {
  await db.updateTable('cart_line').set({ quantity, updated_at: now }).where('id', '=', lineId).execute()
}

export async function deleteLine(db: Db, cartId: string, lineId: string): Promise<boolean> {
  const result = await db.deleteFrom('cart_line').where('cart_id', '=', cartId).where('id', '=', lineId).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

function toPaymentRow(row: Selectable<CartPaymentTable>): PaymentSessionRow {
  return {
    id: row.id,
    cart_id: row.cart_id,
    provider_id: row.provider_id,
    token: row.token,
    status: row.status,
    provider_ref: row.provider_ref,
    amount: row.amount === null ? null : Number(row.amount),
    snapshot: parseJson<unknown>(row.snapshot, null),
  }
}

export async function findPaymentSession(db: Db, cartId: string): Promise<PaymentSessionRow | undefined> {
  const row = await db.selectFrom('cart_payment').selectAll().where('cart_id', '=', cartId).executeTakeFirst()
  return row && toPaymentRow(row)
}

/** Replaces the cart's payment session with a new one (a new id: a new idempotency key at the provider). */
export async function replacePaymentSession(
  db: Db,
  row: { id: string; cart_id: string; provider_id: string; token: string | null; now: string },
): Promise<PaymentSessionRow> {
  const { now, ...values } = row
  const session = { ...values, status: 'pending' as const, provider_ref: null, amount: null, snapshot: null }
  await db.deleteFrom('cart_payment').where('cart_id', '=', row.cart_id).execute()
  await db
    .insertInto('cart_payment')
    .values({ ...session, created_at: now, updated_at: now })
    .execute()
  return session
}

export async function updatePaymentSession(
  db: Db,
  id: string,
  values: { status?: PaymentSessionStatus; provider_ref?: string | null; amount?: number; snapshot?: unknown; now: string },
) {
  await db
    .updateTable('cart_payment')
    .set({
      ...(values.status !== undefined && { status: values.status }),
      ...(values.provider_ref !== undefined && { provider_ref: values.provider_ref }),
      ...(values.amount !== undefined && { amount: values.amount }),
      ...(values.snapshot !== undefined && { snapshot: toJson(values.snapshot) }),
      updated_at: values.now,
    })
    .where('id', '=', id)
    .execute()
}

/** The email of a customer account, to start their cart with. */
export async function findCustomerEmail(db: Db, customerId: string): Promise<string | undefined> {
  const row = await db.selectFrom('customer').select('email').where('id', '=', customerId).executeTakeFirst()
  return row?.email
}

/** Open carts of a customer in a channel and currency, other than `exceptId`. */
export async function findOpenCustomerCarts(db: Db, where: { customerId: string; salesChannelId: string; currencyCode?: string; exceptId?: string }) {
  let query = db
    .selectFrom('cart')
    .select('id')
    .where('customer_id', '=', where.customerId)
    .where('status', '=', 'open')
    .where('sales_channel_id', '=', where.salesChannelId)
  if (where.currencyCode) query = query.where('currency_code', '=', where.currencyCode)
  if (where.exceptId) query = query.where('id', '!=', where.exceptId)
  return (await query.orderBy('updated_at', 'desc').execute()).map((r) => r.id)
}

/** Gives an open guest cart to a customer; false when it is not open or already someone's. */
export async function claimCartRow(db: Db, id: string, customerId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('cart')
    .set({ customer_id: customerId, updated_at: now })
    .where('id', '=', id)
    .where('customer_id', 'is', null)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function findLineQuantities(db: Db, cartId: string): Promise<{ variant_id: string; quantity: number }[]> {
  const rows = await db.selectFrom('cart_line').select(['variant_id', 'quantity']).where('cart_id', '=', cartId).orderBy('created_at').execute()
  return rows.map((r) => ({ variant_id: r.variant_id, quantity: Number(r.quantity) }))
}

export async function deleteOpenCart(db: Db, id: string): Promise<void> {
  await db.deleteFrom('cart').where('id', '=', id).where('status', '=', 'open').execute()
}
