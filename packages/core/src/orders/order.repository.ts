import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database } from '../db/database.js'
import { jsonArrayFrom, parseJson, toIso, toJson } from '../db/dialect.js'
import type { Order, OrderItem, OrderPromotion } from './order.js'
import type { OrderTable } from './order.table.js'

type Db = Kysely<Database>

/**
 * The next order number, taken by one atomic increment of the counter row: concurrent orders, in
 * one process or several, each get their own, and a rolled-back order gives its number back.
 */
export async function takeOrderNumber(db: Db): Promise<number> {
  const row = await db
    .updateTable('order_counter')
    .set({ last_number: sql`last_number + 1` })
    .where('id', '=', 'default')
    .returning('last_number')
    .executeTakeFirstOrThrow()
  return Number(row.last_number)
}

export async function insertOrder(db: Db, order: Order, paymentRef: string | null): Promise<void> {
  await db
    .insertInto('order')
    .values({
      id: order.id,
      number: order.number,
      cart_id: order.cart_id,
      sales_channel_id: order.sales_channel_id,
      region_id: order.region_id,
      // The status at placement; the lifecycle column below moves on from it.
      status: order.status as OrderTable['status'],
      email: order.email,
      customer_id: order.customer_id,
      currency_code: order.currency_code,
      tax_inclusive: order.tax_inclusive,
      shipping_address: toJson(order.shipping_address),
      billing_address: order.billing_address && toJson(order.billing_address),
      shipping_method: toJson(order.shipping_method),
      subtotal: order.subtotal,
      discount_total: order.discount_total,
      shipping_total: order.shipping_total,
      tax_total: order.tax_total,
      total: order.total,
      payment_provider_id: order.payment.provider_id,
      payment_status: order.payment.status as OrderTable['payment_status'],
      payment_ref: paymentRef,
      lifecycle_status: order.status,
      lifecycle_payment_status: order.payment.status,
      authorized_amount: order.payment.authorized_amount,
      order_token: order.order_token,
      created_at: order.created_at,
      updated_at: order.created_at,
    })
    .execute()
  if (!order.items.length) return
  await db
    .insertInto('order_line')
    .values(
      order.items.map((item, position) => ({
        id: item.id,
        order_id: order.id,
        variant_id: item.variant_id,
        product_id: item.product_id,
        product_title: item.product_title,
        variant_title: item.variant_title,
        sku: item.sku,
        position,
        quantity: item.quantity,
        unit_price: item.unit_price,
        subtotal: item.subtotal,
        discount_total: item.discount_total,
        tax_total: item.tax_total,
        total: item.total,
        tax_lines: toJson(item.tax_lines),
      })),
    )
    .execute()
}

/** An order with its lines, in one round trip. */
export async function findOrder(db: Db, where: { id?: string; cartId?: string }): Promise<Order | undefined> {
  let query = selectOrders(db)
  if (where.id) query = query.where('o.id', '=', where.id)
  if (where.cartId) query = query.where('o.cart_id', '=', where.cartId)
  const row = await query.executeTakeFirst()
  return row && toOrder(row)
}

/**
 * Orders of one owner, newest first, after the (created_at, id) of the last one seen: those placed
 * by the customer, and guest orders placed with `guestEmail` (a verified address of theirs).
 */
export async function listOwnedOrders(
  db: Db,
  owner: { customerId: string; guestEmail?: string | null; orderId?: string },
  page: { limit: number; after?: { created_at: string; id: string } },
): Promise<Order[]> {
  let query = selectOrders(db).where((eb) => {
    const mine = eb('o.customer_id', '=', owner.customerId)
    if (!owner.guestEmail) return mine
    return eb.or([mine, eb.and([eb('o.customer_id', 'is', null), eb(sql<string>`lower(o.email)`, '=', owner.guestEmail.toLowerCase())])])
  })
  if (owner.orderId) query = query.where('o.id', '=', owner.orderId)
  if (page.after) {
    const { created_at, id } = page.after
    query = query.where((eb) => eb.or([eb('o.created_at', '<', created_at), eb.and([eb('o.created_at', '=', created_at), eb('o.id', '<', id)])]))
  }
  const rows = await query.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(page.limit).execute()
  return rows.map(toOrder)
}

/**
 * Replaces the personal data on a customer's orders (email, addresses) and keeps what the books
 * need: amounts, lines, tax, and the countries and provinces tax was charged for.
 */
export async function anonymizeOrders(db: Db, owner: { customerId: string; guestEmail?: string | null }, email: string): Promise<number> {
  const rows = await db
    .selectFrom('order')
    .select(['id', 'shipping_address', 'billing_address'])
    .where((eb) => {
      const mine = eb('customer_id', '=', owner.customerId)
      if (!owner.guestEmail) return mine
      return eb.or([mine, eb.and([eb('customer_id', 'is', null), eb(sql<string>`lower(email)`, '=', owner.guestEmail.toLowerCase())])])
    })
    .execute()
  for (const row of rows) {
    const billing = parseJson<Record<string, unknown> | null>(row.billing_address, null)
    await db
      .updateTable('order')
      .set({
        email,
        shipping_address: toJson(anonymizeAddress(parseJson(row.shipping_address, {}))),
        billing_address: billing && toJson(anonymizeAddress(billing)),
      })
      .where('id', '=', row.id)
      .execute()
  }
  return rows.length
}

const ERASED = '[erased]'

function anonymizeAddress(address: Record<string, unknown>) {
  return {
    first_name: ERASED,
    last_name: ERASED,
    company: null,
    address_1: ERASED,
    address_2: null,
    city: ERASED,
    postal_code: ERASED,
    province: address.province ?? null,
    country_code: address.country_code ?? null,
    phone: null,
  }
}

function selectOrders(db: Db) {
  return db
    .selectFrom('order as o')
    .selectAll('o')
    .select((eb) =>
      jsonArrayFrom(
        db,
        eb
          .selectFrom('order_line as l')
          .select([
            'l.id',
            'l.variant_id',
            'l.product_id',
            'l.product_title',
            'l.variant_title',
            'l.sku',
            'l.quantity',
            'l.unit_price',
            'l.subtotal',
            'l.discount_total',
            'l.tax_lines',
            'l.tax_total',
            'l.total',
            'l.fulfilled_quantity',
            'l.shipped_quantity',
            'l.delivered_quantity',
            'l.returned_quantity',
          ])
          .whereRef('l.order_id', '=', 'o.id')
          .orderBy('l.position'),
      ).as('items'),
    )
    .select((eb) =>
      jsonArrayFrom(
        db,
        eb
          .selectFrom('order_promotion as op')
          .select(['op.promotion_id', 'op.code', 'op.name', 'op.rule', 'op.amount', 'op.shipping_amount'])
          .whereRef('op.order_id', '=', 'o.id')
          .orderBy('op.id'),
      ).as('promotions'),
    )
}

function toOrder(row: Selectable<OrderTable> & { items: unknown; promotions: unknown }): Order {
  const items = parseJson<Record<string, unknown>[]>(row.items, [])
  const promotions = parseJson<Record<string, unknown>[]>(row.promotions, [])
  return {
    id: row.id,
    number: Number(row.number),
    cart_id: row.cart_id,
    sales_channel_id: row.sales_channel_id,
    region_id: row.region_id,
    status: row.lifecycle_status,
    fulfillment_status: row.fulfillment_status,
    email: row.email,
    customer_id: row.customer_id ?? null,
    currency_code: row.currency_code,
    tax_inclusive: Boolean(row.tax_inclusive),
    shipping_address: parseJson(row.shipping_address, null as never),
    billing_address: parseJson(row.billing_address, null),
    shipping_method: parseJson(row.shipping_method, null as never),
    items: items.map((i): OrderItem => ({
      id: String(i.id),
      variant_id: String(i.variant_id),
      product_id: String(i.product_id),
      product_title: String(i.product_title),
      variant_title: String(i.variant_title),
      sku: (i.sku as string | null) ?? null,
      quantity: Number(i.quantity),
      unit_price: Number(i.unit_price),
      subtotal: Number(i.subtotal),
      discount_total: Number(i.discount_total),
      tax_lines: parseJson(i.tax_lines, []),
      tax_total: Number(i.tax_total),
      total: Number(i.total),
      fulfilled_quantity: Number(i.fulfilled_quantity ?? 0),
      shipped_quantity: Number(i.shipped_quantity ?? 0),
      delivered_quantity: Number(i.delivered_quantity ?? 0),
      returned_quantity: Number(i.returned_quantity ?? 0),
    })),
    // The snapshot taken at purchase (order_promotion has no foreign key to the promotion).
    promotions: promotions.map((p) => ({
      promotion_id: String(p.promotion_id),
      code: (p.code as string | null) ?? null,
      name: String(p.name),
      type: parseJson<{ type: OrderPromotion['type'] }>(p.rule, { type: 'order_fixed' }).type,
      amount: Number(p.amount),
      shipping_amount: Number(p.shipping_amount),
    })),
    subtotal: Number(row.subtotal),
    discount_total: Number(row.discount_total),
    shipping_total: Number(row.shipping_total),
    tax_total: Number(row.tax_total),
    total: Number(row.total),
    payment: {
      provider_id: row.payment_provider_id,
      status: row.lifecycle_payment_status,
      authorized_amount: Number(row.authorized_amount),
      captured_amount: Number(row.captured_amount),
      refunded_amount: Number(row.refunded_amount),
      outstanding_amount: Number(row.outstanding_amount),
    },
    order_token: row.order_token,
    created_at: toIso(row.created_at),
  }
}
