import { allocate } from '../kernel/money.js'
import type { NotAppliedReason, PromotionConditions, PromotionRule, PromotionTarget } from './promotion.js'

/** Who is buying, as far as promotions care. */
export interface CustomerSnapshot {
  id?: string
  email?: string
  is_logged_in: boolean
  /** Orders placed before with this customer's email (or account). */
  previous_orders: number
}

export interface EvaluationLine {
  id: string
  product_id: string
  collection_ids: string[]
  category_ids: string[]
  /** As the region shows prices (tax included in a tax-inclusive region). */
  unit_price: number
  quantity: number
}

/** The cart as the engine sees it: plain data, nothing to look up. */
export interface EvaluationCart {
  currency_code: string
  region_id: string
  sales_channel_id: string
  items: EvaluationLine[]
  /** The chosen shipping method's amount, or null before one is chosen. */
  shipping_amount: number | null
  customer: CustomerSnapshot
}

/** A promotion offered to the cart: by a code the buyer entered (`code`) or automatic (`code: null`). */
export interface CandidatePromotion {
  id: string
  code: string | null
  active: boolean
  rule: PromotionRule
  conditions: PromotionConditions
  exclusive: boolean
  priority: number
  starts_at: string | null
  ends_at: string | null
  /** The fewest uses left of the promotion's, the code's and this customer's limits; null when unlimited. */
  uses_left: number | null
}

export interface Adjustment {
  promotion_id: string
  code: string | null
  /** Items plus shipping discount: exactly the sum of `items` and `shipping`. */
  amount: number
  /** Discount per line id, in minor units (only lines it touches). */
  items: Record<string, number>
  shipping: number
}

export interface Evaluation {
  /** Discount per line id, every applied promotion summed; never more than the line's subtotal. */
  items: Record<string, number>
  shipping_discount: number
  applied: Adjustment[]
  not_applied: { promotion_id: string; code: string | null; reason: NotAppliedReason }[]
}

type Stage = 0 | 1 | 2
const STAGE: Record<PromotionRule['type'], Stage> = {
  items_percentage: 0,
  items_fixed: 0,
  buy_x_get_y: 0,
  order_percentage: 1,
  order_fixed: 1,
  tiered: 1,
  free_shipping: 2,
}

/**
 * Applies promotions to a cart snapshot, purely (no I/O; `now` is passed in). Each promotion is
 * checked, then the eligible ones are applied in the order of docs/adr/0004-promotion-stacking.md:
 * an exclusive one alone, else item discounts, then order discounts on what remains, then shipping.
 * @example evaluatePromotions(cart, [{ id: 'promo_1', code: 'WELCOME10', rule: { type: 'order_percentage', percentage: 10 }, ... }], new Date())
 */
export function evaluatePromotions(cart: EvaluationCart, promotions: CandidatePromotion[], now: Date): Evaluation {
  const notApplied: Evaluation['not_applied'] = []
  const eligible: CandidatePromotion[] = []
  for (const promotion of promotions) {
    const reason = checkPromotion(cart, promotion, now)
    if (reason) notApplied.push({ promotion_id: promotion.id, code: promotion.code, reason })
    else eligible.push(promotion)
  }
  const exclusive = [...eligible.filter((p) => p.exclusive)].sort(byPriority)[0]
  const chosen = exclusive ? [exclusive] : eligible.sort((a, b) => STAGE[a.rule.type] - STAGE[b.rule.type] || byPriority(a, b))
  for (const p of eligible) {
    if (!chosen.includes(p)) notApplied.push({ promotion_id: p.id, code: p.code, reason: 'not_combinable' })
  }

  const remaining = cart.items.map((i) => i.unit_price * i.quantity)
  let shippingLeft = cart.shipping_amount ?? 0
  const applied: Adjustment[] = []
  for (const promotion of chosen) {
    const parts = discountOf(cart, promotion.rule, remaining)
    const shipping = promotion.rule.type === 'free_shipping' ? shippingLeft : 0
    const amount = parts.reduce((a, b) => a + b, 0) + shipping
    if (amount === 0) {
      notApplied.push({ promotion_id: promotion.id, code: promotion.code, reason: 'no_eligible_items' })
      continue
    }
    const items: Record<string, number> = {}
    parts.forEach((part, i) => {
      if (part === 0) return
      items[cart.items[i]!.id] = part
      remaining[i]! -= part
    })
    shippingLeft -= shipping
    applied.push({ promotion_id: promotion.id, code: promotion.code, amount, items, shipping })
  }
  const totals: Record<string, number> = {}
  cart.items.forEach((item, i) => {
    const discount = item.unit_price * item.quantity - remaining[i]!
    if (discount > 0) totals[item.id] = discount
  })
  return { items: totals, shipping_discount: (cart.shipping_amount ?? 0) - shippingLeft, applied, not_applied: notApplied }
}

/** Higher priority first; then code-entered before automatic; then by id, so the order never depends on input order. */
function byPriority(a: CandidatePromotion, b: CandidatePromotion): number {
  return b.priority - a.priority || Number(a.code === null) - Number(b.code === null) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** The first reason the promotion cannot apply to this cart, or undefined when it is eligible. */
export function checkPromotion(cart: EvaluationCart, p: CandidatePromotion, now: Date): NotAppliedReason | undefined {
  const c = p.conditions
  if (!p.active) return 'inactive'
  if (p.starts_at && now.getTime() < Date.parse(p.starts_at)) return 'not_started'
  if (p.ends_at && now.getTime() >= Date.parse(p.ends_at)) return 'expired'
  if (p.uses_left !== null && p.uses_left <= 0) return 'usage_limit_reached'
  const currency = 'currency_code' in p.rule ? p.rule.currency_code : c.currency_code
  if (currency && currency.toUpperCase() !== cart.currency_code.toUpperCase()) return 'wrong_currency'
  if (c.currency_code && c.currency_code.toUpperCase() !== cart.currency_code.toUpperCase()) return 'wrong_currency'
  if (c.region_ids?.length && !c.region_ids.includes(cart.region_id)) return 'wrong_region'
  if (c.sales_channel_ids?.length && !c.sales_channel_ids.includes(cart.sales_channel_id)) return 'wrong_channel'
  if (c.customer === 'logged_in' && !cart.customer.is_logged_in) return 'not_eligible_customer'
  if (c.customer === 'first_order' && cart.customer.previous_orders > 0) return 'not_eligible_customer'
  const subtotal = cart.items.reduce((sum, i) => sum + i.unit_price * i.quantity, 0)
  if (c.min_subtotal !== undefined && subtotal < c.min_subtotal) return 'min_subtotal_not_met'
  if (c.min_quantity !== undefined && cart.items.reduce((n, i) => n + i.quantity, 0) < c.min_quantity) return 'min_quantity_not_met'
  const rule = p.rule
  if (rule.type === 'tiered' && !rule.tiers.some((t) => subtotal >= t.min_subtotal)) return 'min_subtotal_not_met'
  if ('target' in rule && rule.target && !cart.items.some((i) => matches(i, rule.target!))) return 'no_eligible_items'
  if (rule.type === 'buy_x_get_y' && unitsOf(cart, rule.target).length < rule.buy + rule.get) return 'min_quantity_not_met'
  if (rule.type === 'free_shipping' && !cart.shipping_amount) return 'no_eligible_items'
  if (!cart.items.length) return 'no_eligible_items'
  return undefined
}

/** The discount per line (same order as `cart.items`), each at most the line's `remaining` amount. */
function discountOf(cart: EvaluationCart, rule: PromotionRule, remaining: number[]): number[] {
  const all = cart.items.map(() => true)
  switch (rule.type) {
    case 'order_percentage':
      return spread(percentOf(sum(remaining), rule.percentage), remaining, all)
    case 'order_fixed':
      return spread(rule.amount, remaining, all)
    case 'tiered': {
      const subtotal = cart.items.reduce((s, i) => s + i.unit_price * i.quantity, 0)
      const tier = rule.tiers.filter((t) => subtotal >= t.min_subtotal).sort((a, b) => b.min_subtotal - a.min_subtotal)[0]!
      return spread(tier.amount, remaining, all)
    }
    case 'items_percentage': {
      const eligible = cart.items.map((i) => matches(i, rule.target))
      return spread(percentOf(sum(remaining.filter((_, i) => eligible[i])), rule.percentage), remaining, eligible)
    }
    case 'items_fixed':
      return cart.items.map((item, i) => {
        if (!matches(item, rule.target)) return 0
        return Math.min(rule.per === 'unit' ? rule.amount * item.quantity : rule.amount, remaining[i]!)
      })
    case 'buy_x_get_y': {
      // The cheapest units are the free ones: of every buy + get units, `get` go free.
      const units = unitsOf(cart, rule.target).sort((a, b) => b.price - a.price || a.line - b.line)
      const free = Math.floor(units.length / (rule.buy + rule.get)) * rule.get
      const parts = cart.items.map(() => 0)
      for (const unit of units.slice(units.length - free)) parts[unit.line]! += unit.price
      return parts.map((part, i) => Math.min(part, remaining[i]!))
    }
    case 'free_shipping':
      return cart.items.map(() => 0)
  }
}

/** `amount` over the eligible lines in proportion to what is left of each (largest remainder), capped at that. */
function spread(amount: number, remaining: number[], eligible: boolean[]): number[] {
  const weights = remaining.map((r, i) => (eligible[i] ? r : 0))
  const total = Math.min(amount, sum(weights))
  if (total === 0) return weights.map(() => 0)
  return allocate(total, weights)
}

/** `percentage` % of `base`, rounded half-up, exactly (BigInt: no float error on large amounts). */
function percentOf(base: number, percentage: number): number {
  const bps = BigInt(Math.round(percentage * 100))
  return Number((2n * BigInt(base) * bps + 10_000n) / 20_000n)
}

function matches(line: EvaluationLine, target: PromotionTarget | undefined): boolean {
  if (!target) return true
  return (
    !!target.product_ids?.includes(line.product_id) ||
    line.collection_ids.some((id) => target.collection_ids?.includes(id)) ||
    line.category_ids.some((id) => target.category_ids?.includes(id))
  )
}

function unitsOf(cart: EvaluationCart, target: PromotionTarget | undefined): { line: number; price: number }[] {
  return cart.items.flatMap((item, line) => (matches(item, target) ? Array.from({ length: item.quantity }, () => ({ line, price: item.unit_price })) : []))
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
