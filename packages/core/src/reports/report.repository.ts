import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.js'
import { utcDay } from '../db/dialect.js'

type Db = Kysely<Database>

const placed = sql<boolean>`lifecycle_status <> 'canceled'`

/** Sums per currency of the orders placed since `since30`, split at `since7` and `today`. */
export async function periodSums(db: Db, bounds: { today: Date; since7: Date; since30: Date }) {
  const inWindow = (from: Date, value: ReturnType<typeof sql>) =>
    sql<number>`coalesce(sum(case when created_at >= ${from} then ${value} else 0 end), 0)`
  const rows = await db
    .selectFrom('order')
    .select([
      'currency_code',
      inWindow(bounds.today, sql`total`).as('revenue_today'),
      inWindow(bounds.today, sql`1`).as('orders_today'),
      inWindow(bounds.since7, sql`total`).as('revenue_7'),
      inWindow(bounds.since7, sql`1`).as('orders_7'),
      sql<number>`coalesce(sum(total), 0)`.as('revenue_30'),
      sql<number>`count(*)`.as('orders_30'),
      sql<number>`coalesce(sum(refunded_amount), 0)`.as('refunded_30'),
    ])
    .where('created_at', '>=', bounds.since30 as never)
    .where(placed)
    .groupBy('currency_code')
    .orderBy('currency_code')
    .execute()
  return rows.map((r) => ({
    currency_code: r.currency_code,
    revenue_today: Number(r.revenue_today),
    orders_today: Number(r.orders_today),
    revenue_7: Number(r.revenue_7),
    orders_7: Number(r.orders_7),
    revenue_30: Number(r.revenue_30),
    orders_30: Number(r.orders_30),
    refunded_30: Number(r.refunded_30),
  }))
}

/** Revenue and orders per currency and UTC day since `since`. */
export async function dailySums(db: Db, since: Date) {
  const day = utcDay(db, sql.ref('created_at'))
  const rows = await db
    .selectFrom('order')
    .select(['currency_code', day.as('day'), sql<number>`coalesce(sum(total), 0)`.as('revenue'), sql<number>`count(*)`.as('orders')])
    .where('created_at', '>=', since as never)
    .where(placed)
    .groupBy(['currency_code', day])
    .execute()
  return rows.map((r) => ({ currency_code: r.currency_code, day: r.day, revenue: Number(r.revenue), orders: Number(r.orders) }))
}

/** The products that sold the most units since `since` (revenue breaks ties), per currency. */
export async function topProducts(db: Db, since: Date, limit: number) {
  const rows = await db
    .selectFrom('order_line as l')
    .innerJoin('order as o', 'o.id', 'l.order_id')
    .select([
      'l.product_id',
      sql<string>`max(l.product_title)`.as('title'),
      'o.currency_code',
      sql<number>`sum(l.quantity)`.as('quantity'),
      sql<number>`sum(l.total)`.as('revenue'),
    ])
    .where('o.created_at', '>=', since as never)
    .where(sql<boolean>`o.lifecycle_status <> 'canceled'`)
    .groupBy(['l.product_id', 'o.currency_code'])
    .orderBy(sql`sum(l.quantity)`, 'desc')
    .orderBy(sql`sum(l.total)`, 'desc')
    .orderBy('l.product_id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    product_id: r.product_id,
    title: r.title,
    currency_code: r.currency_code,
    quantity: Number(r.quantity),
    revenue: Number(r.revenue),
  }))
}

/** Stock levels that cannot be backordered and have at most `threshold` units free, fewest first. */
export async function lowStock(db: Db, threshold: number, limit: number) {
  const available = sql<number>`i.stocked_quantity - i.reserved_quantity`
  const rows = await db
    .selectFrom('inventory_level as i')
    .innerJoin('product_variant as v', 'v.id', 'i.variant_id')
    .innerJoin('product as p', 'p.id', 'v.product_id')
    .select([
      'i.variant_id',
      'v.product_id',
      'p.title as product_title',
      'v.title as variant_title',
      'v.sku',
      'i.location_id',
      available.as('available'),
    ])
    .where('i.allow_backorder', '=', false as never)
    .where(available, '<=', threshold)
    .orderBy(available)
    .orderBy('i.variant_id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, available: Number(r.available) }))
}
