import type { Ctx } from '../kernel/ctx.js'
import { type CandidatePromotion, type CustomerSnapshot, evaluatePromotions } from './evaluate.js'
import type { CartAdjustment, CartPromotionEntry, Promotion } from './promotion.js'
import * as repo from './promotion.repository.js'

export interface PromotionPricingInput {
  cart_id: string
  region_id: string
  sales_channel_id: string
  currency_code: string
  email: string | null
  items: { id: string; product_id: string; unit_price: number; quantity: number }[]
  shipping_amount: number | null
}

export interface PromotionPricing {
  /** Discount per line id. */
  items: Record<string, number>
  shipping_discount: number
  promotions: CartPromotionEntry[]
  adjustments: CartAdjustment[]
}

/** Whose uses a per-customer limit counts: the signed-in customer, else the email (guests). */
export function customerKeyOf(ctx: Ctx, email: string | null): string {
  if (ctx.actor.type === 'customer') return `customer:${ctx.actor.id}`
  return `email:${(email ?? '').toLowerCase()}`
}

/**
 * The promotions of a cart, priced: the codes it holds and the automatic promotions, checked and
 * applied by the pure engine (evaluate.ts) to a snapshot gathered here.
 */
export async function priceCartPromotions(ctx: Ctx, input: PromotionPricingInput): Promise<PromotionPricing> {
  const codes = await repo.findCartCodes(ctx.db, input.cart_id)
  const automatic = await repo.findActiveAutomatic(ctx.db)
  if (!codes.length && !automatic.length) return { items: {}, shipping_discount: 0, promotions: [], adjustments: [] }

  const key = customerKeyOf(ctx, input.email)
  const ids = [...new Set([...codes.map((c) => c.promotion.id), ...automatic.map((p) => p.id)])]
  const customerUses = await repo.customerUses(ctx.db, ids, key)
  // Counting the buyer's orders is a scan by email: only done when a first-order promotion asks.
  const needsOrderCount = [...codes.map((c) => c.promotion), ...automatic].some((p) => p.conditions.customer === 'first_order')
  const customer: CustomerSnapshot = {
    ...(ctx.actor.type === 'customer' && { id: ctx.actor.id }),
    ...(input.email && { email: input.email }),
    is_logged_in: ctx.actor.type === 'customer',
    previous_orders: input.email && needsOrderCount ? await repo.countOrdersByEmail(ctx.db, input.email) : 0,
  }

  const byId = new Map<string, Promotion>()
  const candidates: CandidatePromotion[] = []
  const duplicates = new Set<string>()
  for (const { promotion, code } of codes) {
    // Two codes of one promotion on a cart: the first one entered counts.
    if (byId.has(promotion.id)) {
      duplicates.add(code.code)
      continue
    }
    byId.set(promotion.id, promotion)
    candidates.push(candidateOf(promotion, code.code, [code.usage_limit === null ? null : code.usage_limit - code.usage_count], customerUses))
  }
  for (const promotion of automatic) {
    if (byId.has(promotion.id)) continue
    byId.set(promotion.id, promotion)
    candidates.push(candidateOf(promotion, null, [], customerUses))
  }

  const groupings = await repo.findGroupings(ctx.db, [...new Set(input.items.map((i) => i.product_id))])
  const result = evaluatePromotions(
    {
      currency_code: input.currency_code,
      region_id: input.region_id,
      sales_channel_id: input.sales_channel_id,
      items: input.items.map((i) => ({ ...i, ...groupings.get(i.product_id)! })),
      shipping_amount: input.shipping_amount,
      customer,
    },
    candidates,
    ctx.now(),
  )
  const promotions = codes.map(({ code, promotion }): CartPromotionEntry => {
    if (duplicates.has(code.code)) return { code: code.code, applied: false, reason: 'not_combinable' }
    if (result.applied.some((a) => a.promotion_id === promotion.id)) return { code: code.code, applied: true }
    const miss = result.not_applied.find((n) => n.promotion_id === promotion.id)
    return { code: code.code, applied: false, ...(miss && { reason: miss.reason }) }
  })
  const adjustments = result.applied.map((a): CartAdjustment => {
    const promotion = byId.get(a.promotion_id)!
    return { promotion_id: a.promotion_id, code: a.code, name: promotion.name, type: promotion.rule.type, amount: a.amount, shipping_amount: a.shipping }
  })
  return { items: result.items, shipping_discount: result.shipping_discount, promotions, adjustments }
}

function candidateOf(p: Promotion, code: string | null, extraLeft: (number | null)[], customerUses: Map<string, number>): CandidatePromotion {
  const left = [
    p.usage_limit === null ? null : p.usage_limit - p.usage_count,
    p.customer_usage_limit === null ? null : p.customer_usage_limit - (customerUses.get(p.id) ?? 0),
    ...extraLeft,
  ].filter((n): n is number => n !== null)
  return {
    id: p.id,
    code,
    active: p.status === 'active',
    rule: p.rule,
    conditions: p.conditions,
    exclusive: p.exclusive,
    priority: p.priority,
    starts_at: p.starts_at,
    ends_at: p.ends_at,
    uses_left: left.length ? Math.min(...left) : null,
  }
}
