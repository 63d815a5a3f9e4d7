import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeTotals } from '../pricing/totals.js'
import { type CandidatePromotion, type EvaluationCart, evaluatePromotions } from './evaluate.js'
import type { PromotionRule } from './promotion.js'

/**
 * Random carts and promotions against an oracle computed here in BigInt: the proportional share of
 * every line, and the cart's total rebuilt from the discounted lines.
 */
const NOW = new Date('2026-06-15T12:00:00Z')
const CURRENCIES = ['JPY', 'EUR', 'KWD'] as const // exponents 0, 2, 3

const lineArb = fc.record({
  unit_price: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 10_000_000 })),
  quantity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 1000 })),
  product: fc.constantFrom('p1', 'p2', 'p3'),
  collection: fc.constantFrom('c1', 'c2', null),
  rate_bps: fc.constantFrom(0, 900, 2100, 887.5, 1000),
})

const cartArb = fc.record({
  currency_code: fc.constantFrom(...CURRENCIES),
  tax_inclusive: fc.boolean(),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 30 }),
  shipping: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
})

const percentageArb = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 10_000 }).map((n) => n / 100))
const targetArb = fc.record({ product_ids: fc.subarray(['p1', 'p2', 'p3'], { minLength: 1 }), collection_ids: fc.subarray(['c1', 'c2']) })
const ruleArb = (currency: string): fc.Arbitrary<PromotionRule> =>
  fc.oneof(
    percentageArb.map((percentage) => ({ type: 'order_percentage' as const, percentage })),
    fc.integer({ min: 1, max: 50_000_000 }).map((amount) => ({ type: 'order_fixed' as const, amount, currency_code: currency })),
    fc.record({ percentage: percentageArb, target: targetArb }).map((r) => ({ type: 'items_percentage' as const, ...r })),
    fc
      .record({ amount: fc.integer({ min: 1, max: 100_000 }), per: fc.constantFrom('unit' as const, 'line' as const), target: targetArb })
      .map((r) => ({ type: 'items_fixed' as const, currency_code: currency, ...r })),
    fc.constant({ type: 'free_shipping' as const }),
    fc.record({ buy: fc.integer({ min: 1, max: 4 }), get: fc.integer({ min: 1, max: 3 }) }).map((r) => ({ type: 'buy_x_get_y' as const, ...r })),
    fc
      .array(fc.record({ min_subtotal: fc.integer({ min: 0, max: 1_000_000 }), amount: fc.integer({ min: 1, max: 100_000 }) }), { minLength: 1, maxLength: 3 })
      .map((tiers) => ({ type: 'tiered' as const, currency_code: currency, tiers })),
  )

type RandomCart = typeof cartArb extends fc.Arbitrary<infer T> ? T : never

function toCart(c: RandomCart): EvaluationCart {
  return {
    currency_code: c.currency_code,
    region_id: 'reg',
    sales_channel_id: 'sc',
    items: c.lines.map((l, i) => ({
      id: `l${i}`,
      product_id: l.product,
      collection_ids: l.collection ? [l.collection] : [],
      category_ids: [],
      unit_price: l.unit_price,
      quantity: l.quantity,
    })),
    shipping_amount: c.shipping,
    customer: { is_logged_in: false, previous_orders: 0 },
  }
}

function candidate(id: string, rule: PromotionRule, exclusive = false): CandidatePromotion {
  return { id, code: id.toUpperCase(), active: true, rule, conditions: {}, exclusive, priority: 0, starts_at: null, ends_at: null, uses_left: null }
}

/** Half-up rounding of num/den for non-negative BigInts. */
const roundHalfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den)

describe('promotion allocation properties', () => {
  it('one order percentage: parts sum to the rounded percentage, each within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(cartArb, percentageArb, (c, percentage) => {
        const cart = toCart(c)
        const result = evaluatePromotions(cart, [candidate('p', { type: 'order_percentage', percentage })], NOW)
        const subtotals = c.lines.map((l) => BigInt(l.unit_price) * BigInt(l.quantity))
        const s = subtotals.reduce((a, b) => a + b, 0n)
        const d = roundHalfUp(s * BigInt(Math.round(percentage * 100)), 10_000n)
        const parts = cart.items.map((i) => BigInt(result.items[i.id] ?? 0))
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(d)
        parts.forEach((part, i) => {
          // |part - d * w / s| < 1  <=>  |part * s - d * w| < s
          const diff = part * s - d * subtotals[i]!
          expect(s === 0n ? part === 0n : diff < s && -diff < s).toBe(true)
          expect(part >= 0n && part <= subtotals[i]!).toBe(true)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('is deterministic: the order promotions come in does not change the result', () => {
    const arb = cartArb.chain((c) =>
      fc.record({
        cart: fc.constant(c),
        rules: fc.array(fc.record({ rule: ruleArb(c.currency_code), exclusive: fc.boolean(), priority: fc.integer({ min: -2, max: 2 }) }), { minLength: 1, maxLength: 6 }),
        seed: fc.integer(),
      }),
    )
    fc.assert(
      fc.property(arb, ({ cart: c, rules, seed }) => {
        const list = rules.map((r, i) => ({ ...candidate(`promo_${i}`, r.rule, r.exclusive), priority: r.priority }))
        const shuffled = [...list].sort((a, b) => ((a.id.charCodeAt(6) * 31 + seed) % 7) - ((b.id.charCodeAt(6) * 31 + seed) % 7))
        const sortKey = (e: ReturnType<typeof evaluatePromotions>) => ({ ...e, not_applied: [...e.not_applied].sort((a, b) => (a.promotion_id < b.promotion_id ? -1 : 1)) })
        expect(sortKey(evaluatePromotions(toCart(c), shuffled, NOW))).toEqual(sortKey(evaluatePromotions(toCart(c), list, NOW)))
      }),
      { numRuns: 200 },
    )
  })

  it('mixed promotions: adjustments sum exactly, no line below zero, totals add up exactly', () => {
    const arb = cartArb.chain((c) =>
      fc.record({
        cart: fc.constant(c),
        rules: fc.array(fc.record({ rule: ruleArb(c.currency_code), exclusive: fc.boolean() }), { minLength: 1, maxLength: 5 }),
      }),
    )
    fc.assert(
      fc.property(arb, ({ cart: c, rules }) => {
        const cart = toCart(c)
        const result = evaluatePromotions(
          cart,
          rules.map((r, i) => candidate(`promo_${i}`, r.rule, r.exclusive)),
          NOW,
        )
        const perLine = new Map<string, bigint>()
        let shipping = 0n
        for (const a of result.applied) {
          const items = Object.values(a.items).reduce((x, y) => x + BigInt(y), 0n)
          expect(items + BigInt(a.shipping)).toBe(BigInt(a.amount))
          for (const [id, v] of Object.entries(a.items)) {
            expect(v).toBeGreaterThan(0)
            perLine.set(id, (perLine.get(id) ?? 0n) + BigInt(v))
          }
          shipping += BigInt(a.shipping)
        }
        expect(BigInt(result.shipping_discount)).toBe(shipping)
        expect(shipping <= BigInt(c.shipping ?? 0)).toBe(true)
        const exclusiveApplied = result.applied.some((a) => rules[Number(a.promotion_id.slice(6))]!.exclusive)
        if (exclusiveApplied) expect(result.applied.length).toBe(1)

        const totals = computeTotals({
          currency_code: c.currency_code,
          tax_inclusive: c.tax_inclusive,
          items: cart.items.map((item, i) => ({
            id: item.id,
            unit_price: item.unit_price,
            quantity: item.quantity,
            discount_total: result.items[item.id] ?? 0,
            tax_rates: [{ rate_id: null, name: 'T', rate_bps: c.lines[i]!.rate_bps }],
          })),
          shipping: c.shipping === null ? null : { amount: c.shipping - result.shipping_discount, tax_rates: [] },
        })
        // The oracle: each line's net amount and its tax, in BigInt, summed.
        let total = 0n
        cart.items.forEach((item, i) => {
          const subtotal = BigInt(item.unit_price) * BigInt(item.quantity)
          const discount = perLine.get(item.id) ?? 0n
          expect(BigInt(result.items[item.id] ?? 0)).toBe(discount)
          expect(discount <= subtotal).toBe(true)
          const net = subtotal - discount
          const ppm = BigInt(Math.round(c.lines[i]!.rate_bps * 100))
          total += c.tax_inclusive ? net : net + roundHalfUp(net * ppm, 1_000_000n)
        })
        if (c.shipping !== null) total += BigInt(c.shipping) - shipping
        expect(BigInt(totals.total)).toBe(total)
        expect(totals.discount_total).toBe(Object.values(result.items).reduce((a, b) => a + b, 0))
      }),
      { numRuns: 300 },
    )
  })
})
