import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database } from '../db/database.js'
import { parseJson, toIso, toIsoOrNull, toJson } from '../db/dialect.js'
import type { Promotion, PromotionCode, PromotionConditions, PromotionRule } from './promotion.js'
import type { PromotionCodeTable, PromotionTable } from './promotion.table.js'

type Db = Kysely<Database>

const num = (v: number | string | null): number | null => (v === null ? null : Number(v))

export function toPromotion(row: Selectable<PromotionTable>): Promotion {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    automatic: Boolean(row.automatic),
    rule: parseJson<PromotionRule>(row.rule, { type: 'free_shipping' }),
    conditions: parseJson<PromotionConditions>(row.conditions, {}),
    exclusive: Boolean(row.exclusive),
    priority: Number(row.priority),
    starts_at: toIsoOrNull(row.starts_at),
    ends_at: toIsoOrNull(row.ends_at),
    usage_limit: num(row.usage_limit),
    usage_count: Number(row.usage_count),
    customer_usage_limit: num(row.customer_usage_limit),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

function toCode(row: Selectable<PromotionCodeTable>): PromotionCode {
  return {
    id: row.id,
    promotion_id: row.promotion_id,
    code: row.code,
    usage_limit: num(row.usage_limit),
    usage_count: Number(row.usage_count),
    created_at: toIso(row.created_at),
  }
}

export async function insertPromotion(db: Db, p: Promotion): Promise<void> {
  await db
    .insertInto('promotion')
    .values({ ...p, rule: toJson(p.rule), conditions: toJson(p.conditions), usage_count: 0 })
    .execute()
}

export async function updatePromotionRow(db: Db, p: Promotion): Promise<void> {
  const { id, usage_count: _count, created_at: _created, ...values } = p
  await db
    .updateTable('promotion')
    .set({ ...values, rule: toJson(p.rule), conditions: toJson(p.conditions) })
    .where('id', '=', id)
    .execute()
}

export async function deletePromotionRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('promotion').where('id', '=', id).executeTakeFirst()
  return result.numDeletedRows > 0n
}

export async function findPromotion(db: Db, id: string): Promise<Promotion | undefined> {
  const row = await db.selectFrom('promotion').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toPromotion(row)
}

export async function listPromotionRows(db: Db, limit: number, after?: string): Promise<Promotion[]> {
  let query = db.selectFrom('promotion').selectAll().orderBy('id').limit(limit)
  if (after) query = query.where('id', '>', after)
  return (await query.execute()).map(toPromotion)
}

export async function findActiveAutomatic(db: Db): Promise<Promotion[]> {
  const rows = await db.selectFrom('promotion').selectAll().where('automatic', '=', true).where('status', '=', 'active').orderBy('id').execute()
  return rows.map(toPromotion)
}

export async function insertCodes(db: Db, rows: { id: string; promotion_id: string; code: string; usage_limit: number | null; created_at: string }[]) {
  // In chunks: PostgreSQL binds at most 65535 parameters per statement.
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('promotion_code')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, usage_count: 0 })))
      .execute()
  }
}

export async function findCode(db: Db, code: string): Promise<PromotionCode | undefined> {
  const row = await db.selectFrom('promotion_code').selectAll().where('code', '=', code).executeTakeFirst()
  return row && toCode(row)
}

export async function listCodeRows(db: Db, promotionId: string, limit: number, after?: string): Promise<PromotionCode[]> {
  let query = db.selectFrom('promotion_code').selectAll().where('promotion_id', '=', promotionId).orderBy('code').limit(limit)
  if (after) query = query.where('code', '>', after)
  return (await query.execute()).map(toCode)
}

export async function existingCodes(db: Db, codes: string[]): Promise<string[]> {
  const found: string[] = []
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await db.selectFrom('promotion_code').select('code').where('code', 'in', codes.slice(i, i + 1000)).execute()
    found.push(...rows.map((r) => r.code))
  }
  return found
}

export async function attachCode(db: Db, cartId: string, codeId: string, now: string): Promise<void> {
  await db
    .insertInto('cart_promotion')
    .values({ cart_id: cartId, code_id: codeId, limit_seen_at: null, created_at: now })
    .onConflict((oc) => oc.columns(['cart_id', 'code_id']).doNothing())
    .execute()
}

export async function detachCode(db: Db, cartId: string, codeId: string): Promise<boolean> {
  const result = await db.deleteFrom('cart_promotion').where('cart_id', '=', cartId).where('code_id', '=', codeId).executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** The codes on a cart, in the order they were entered, each with its promotion. */
export async function findCartCodes(db: Db, cartId: string) {
  const rows = await db
    .selectFrom('cart_promotion as cp')
    .innerJoin('promotion_code as pc', 'pc.id', 'cp.code_id')
    .innerJoin('promotion as p', 'p.id', 'pc.promotion_id')
    .selectAll('p')
    .select(['pc.id as code_id', 'pc.code', 'pc.usage_limit as code_usage_limit', 'pc.usage_count as code_usage_count', 'cp.limit_seen_at'])
    .where('cp.cart_id', '=', cartId)
    .orderBy('cp.created_at')
    .orderBy('pc.code')
    .execute()
  return rows.map((r) => ({
    promotion: toPromotion(r),
    code: { id: r.code_id, code: r.code, usage_limit: num(r.code_usage_limit), usage_count: Number(r.code_usage_count) },
    limit_seen: r.limit_seen_at !== null,
  }))
}

export async function markLimitSeen(db: Db, cartId: string, codes: string[], now: string): Promise<void> {
  if (!codes.length) return
  const ids = db.selectFrom('promotion_code').select('id').where('code', 'in', codes)
  await db.updateTable('cart_promotion').set({ limit_seen_at: now }).where('cart_id', '=', cartId).where('code_id', 'in', ids).execute()
}

export async function customerUses(db: Db, promotionIds: string[], customerKey: string): Promise<Map<string, number>> {
  if (!promotionIds.length) return new Map()
  const rows = await db
    .selectFrom('promotion_customer_usage')
    .select(['promotion_id', 'usage_count'])
    .where('promotion_id', 'in', promotionIds)
    .where('customer_key', '=', customerKey)
    .execute()
  return new Map(rows.map((r) => [r.promotion_id, Number(r.usage_count)]))
}

export async function countOrdersByEmail(db: Db, email: string): Promise<number> {
  const row = await db
    .selectFrom('order')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The collections and categories of each product, for item targets. */
export async function findGroupings(db: Db, productIds: string[]) {
  const groups = new Map<string, { collection_ids: string[]; category_ids: string[] }>()
  for (const id of productIds) groups.set(id, { collection_ids: [], category_ids: [] })
  if (!productIds.length) return groups
  const collections = await db.selectFrom('product_collection').select(['product_id', 'collection_id']).where('product_id', 'in', productIds).execute()
  const categories = await db.selectFrom('product_category').select(['product_id', 'category_id']).where('product_id', 'in', productIds).execute()
  for (const c of collections) groups.get(c.product_id)!.collection_ids.push(c.collection_id)
  for (const c of categories) groups.get(c.product_id)!.category_ids.push(c.category_id)
  return groups
}

/** Takes one use of the promotion if one is left: true when taken (a conditional update, race-free). */
export async function takePromotionUse(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('promotion')
    .set({ usage_count: sql`usage_count + 1` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('usage_limit', 'is', null), eb('usage_count', '<', eb.ref('usage_limit'))]))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function takeCodeUse(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('promotion_code')
    .set({ usage_count: sql`usage_count + 1` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('usage_limit', 'is', null), eb('usage_count', '<', eb.ref('usage_limit'))]))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** One more use for this customer, unless they reached `limit`: an upsert whose update is conditional. */
export async function takeCustomerUse(db: Db, promotionId: string, customerKey: string, limit: number): Promise<boolean> {
  const row = await db
    .insertInto('promotion_customer_usage')
    .values({ promotion_id: promotionId, customer_key: customerKey, usage_count: 1 })
    .onConflict((oc) =>
      oc
        .columns(['promotion_id', 'customer_key'])
        .doUpdateSet({ usage_count: sql`promotion_customer_usage.usage_count + 1` })
        .where('promotion_customer_usage.usage_count', '<', limit),
    )
    .returning('usage_count')
    .executeTakeFirst()
  return row !== undefined
}

export async function insertUsage(
  db: Db,
  row: { id: string; promotion_id: string; code_id: string | null; cart_id: string; customer_key: string; expires_at: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('promotion_usage')
    .values({ ...row, order_id: null, status: 'claimed' })
    .execute()
}

type Released = { promotion_id: string; code_id: string | null; customer_key: string }

/** Deletes claimed uses (of one cart, or expired ones) and returns them: whoever deletes a row gives its use back, once. */
export async function deleteClaimedUsages(db: Db, where: { cartId: string } | { expiredBefore: string }): Promise<Released[]> {
  let query = db.deleteFrom('promotion_usage').where('status', '=', 'claimed')
  query = 'cartId' in where ? query.where('cart_id', '=', where.cartId) : query.where('expires_at', '<', where.expiredBefore)
  return query.returning(['promotion_id', 'code_id', 'customer_key']).execute()
}

export async function giveBackUses(db: Db, released: Released[]): Promise<void> {
  for (const r of [...released].sort((a, b) => (a.promotion_id < b.promotion_id ? -1 : 1))) {
    await db.updateTable('promotion').set({ usage_count: sql`usage_count - 1` }).where('id', '=', r.promotion_id).where('usage_count', '>', 0).execute()
    if (r.code_id) {
      await db.updateTable('promotion_code').set({ usage_count: sql`usage_count - 1` }).where('id', '=', r.code_id).where('usage_count', '>', 0).execute()
    }
    await db
      .updateTable('promotion_customer_usage')
      .set({ usage_count: sql`usage_count - 1` })
      .where('promotion_id', '=', r.promotion_id)
      .where('customer_key', '=', r.customer_key)
      .where('usage_count', '>', 0)
      .execute()
  }
}

export async function markUsagesUsed(db: Db, cartId: string, orderId: string): Promise<void> {
  await db.updateTable('promotion_usage').set({ status: 'used', order_id: orderId }).where('cart_id', '=', cartId).where('status', '=', 'claimed').execute()
}

export async function insertOrderPromotions(
  db: Db,
  rows: { id: string; order_id: string; promotion_id: string; code: string | null; name: string; rule: unknown; amount: number; shipping_amount: number; created_at: string }[],
): Promise<void> {
  if (!rows.length) return
  await db
    .insertInto('order_promotion')
    .values(rows.map((r) => ({ ...r, rule: toJson(r.rule) })))
    .execute()
}

export async function listOrderPromotionRows(db: Db, promotionId: string, limit: number, after?: string) {
  let query = db
    .selectFrom('order_promotion as op')
    .innerJoin('order as o', 'o.id', 'op.order_id')
    .select(['op.id', 'op.order_id', 'o.number', 'o.email', 'o.currency_code', 'o.total', 'op.code', 'op.amount', 'op.shipping_amount', 'op.created_at'])
    .where('op.promotion_id', '=', promotionId)
    .orderBy('op.id')
    .limit(limit)
  if (after) query = query.where('op.id', '>', after)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    order_id: r.order_id,
    order_number: Number(r.number),
    email: r.email,
    currency_code: r.currency_code,
    order_total: Number(r.total),
    code: r.code,
    amount: Number(r.amount),
    shipping_amount: Number(r.shipping_amount),
    created_at: toIso(r.created_at),
  }))
}

export async function countUsages(db: Db, promotionId: string): Promise<{ claimed: number; used: number }> {
  const rows = await db
    .selectFrom('promotion_usage')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('promotion_id', '=', promotionId)
    .groupBy('status')
    .execute()
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0)
  return { claimed: of('claimed'), used: of('used') }
}
