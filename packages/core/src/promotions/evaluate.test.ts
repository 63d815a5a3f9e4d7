import { describe, expect, it } from 'vitest'
import { type CandidatePromotion, type EvaluationCart, evaluatePromotions } from './evaluate.js'
import type { PromotionRule } from './promotion.js'

const NOW = new Date('2026-06-15T12:00:00Z')

function cart(overrides: Partial<EvaluationCart> = {}): EvaluationCart {
  return {
    currency_code: 'EUR',
    region_id: 'reg_nl',
    sales_channel_id: 'sc_web',
    items: [
      { id: 'l1', product_id: 'p_shirt', collection_ids: ['col_summer'], category_ids: ['cat_tops'], unit_price: 2000, quantity: 2 },
      { id: 'l2', product_id: 'p_mug', collection_ids: [], category_ids: ['cat_home'], unit_price: 1000, quantity: 1 },
    ],
    shipping_amount: 495,
    customer: { is_logged_in: false, previous_orders: 0, email: 'a@example.com' },
    ...overrides,
  }
}

function promo(rule: PromotionRule, overrides: Partial<CandidatePromotion> = {}): CandidatePromotion {
  return {
    id: 'promo_a',
    code: 'CODE',
    active: true,
    rule,
    conditions: {},
    exclusive: false,
    priority: 0,
    starts_at: null,
    ends_at: null,
    uses_left: null,
    ...overrides,
  }
}

const pct = (percentage: number): PromotionRule => ({ type: 'order_percentage', percentage })

describe('evaluatePromotions: kinds', () => {
  const cases: { name: string; rule: PromotionRule; cart?: Partial<EvaluationCart>; items: Record<string, number>; shipping?: number }[] = [
    { name: '10% off the order, split by line amount', rule: pct(10), items: { l1: 400, l2: 100 } },
    { name: '12.5% off', rule: pct(12.5), items: { l1: 500, l2: 125 } },
    { name: '0.01% of 50.00 rounds half-up to 1 cent, given to the larger share', rule: pct(0.01), items: { l1: 1 } },
    { name: 'fixed 10.00 off the order', rule: { type: 'order_fixed', amount: 1000, currency_code: 'EUR' }, items: { l1: 800, l2: 200 } },
    { name: 'fixed off more than the order: capped at the items', rule: { type: 'order_fixed', amount: 99_999, currency_code: 'EUR' }, items: { l1: 4000, l2: 1000 } },
    { name: '20% off a category', rule: { type: 'items_percentage', percentage: 20, target: { category_ids: ['cat_home'] } }, items: { l2: 200 } },
    { name: '50% off a collection', rule: { type: 'items_percentage', percentage: 50, target: { collection_ids: ['col_summer'] } }, items: { l1: 2000 } },
    { name: '3.00 off each unit of a product', rule: { type: 'items_fixed', amount: 300, currency_code: 'EUR', per: 'unit', target: { product_ids: ['p_shirt'] } }, items: { l1: 600 } },
    { name: '3.00 off a matching line once', rule: { type: 'items_fixed', amount: 300, currency_code: 'EUR', per: 'line', target: { product_ids: ['p_shirt'] } }, items: { l1: 300 } },
    { name: 'fixed per unit never below zero', rule: { type: 'items_fixed', amount: 5000, currency_code: 'EUR', per: 'unit', target: { product_ids: ['p_mug'] } }, items: { l2: 1000 } },
    { name: 'free shipping', rule: { type: 'free_shipping' }, items: {}, shipping: 495 },
    { name: 'buy 2 get the cheapest free', rule: { type: 'buy_x_get_y', buy: 1, get: 1 }, items: { l2: 1000 } },
    {
      name: 'buy 3 pay 2 on six units: the two cheapest free',
      rule: { type: 'buy_x_get_y', buy: 2, get: 1 },
      cart: { items: [{ id: 'a', product_id: 'p', collection_ids: [], category_ids: [], unit_price: 500, quantity: 4 }, { id: 'b', product_id: 'q', collection_ids: [], category_ids: [], unit_price: 300, quantity: 2 }] },
      items: { b: 600 },
    },
    { name: 'tiered: spend 50 get 5 (subtotal 50)', rule: { type: 'tiered', currency_code: 'EUR', tiers: [{ min_subtotal: 5000, amount: 500 }, { min_subtotal: 10_000, amount: 1500 }] }, items: { l1: 400, l2: 100 } },
    {
      name: 'tiered: spend 100 get 15',
      rule: { type: 'tiered', currency_code: 'EUR', tiers: [{ min_subtotal: 5000, amount: 500 }, { min_subtotal: 10_000, amount: 1500 }] },
      cart: { items: [{ id: 'x', product_id: 'p', collection_ids: [], category_ids: [], unit_price: 10_000, quantity: 1 }] },
      items: { x: 1500 },
    },
    { name: 'JPY (exponent 0): 10% of 5000', rule: pct(10), cart: { currency_code: 'JPY' }, items: { l1: 400, l2: 100 } },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const result = evaluatePromotions(cart(c.cart), [promo(c.rule)], NOW)
      expect(result.not_applied).toEqual([])
      expect(result.items).toEqual(c.items)
      expect(result.shipping_discount).toBe(c.shipping ?? 0)
      const amount = Object.values(c.items).reduce((a, b) => a + b, 0) + (c.shipping ?? 0)
      expect(result.applied).toEqual([{ promotion_id: 'promo_a', code: 'CODE', amount, items: c.items, shipping: c.shipping ?? 0 }])
    })
  }
})

describe('evaluatePromotions: conditions', () => {
  const cases: { name: string; promotion: Partial<CandidatePromotion>; cart?: Partial<EvaluationCart>; rule?: PromotionRule; reason: string | null }[] = [
    { name: 'inactive', promotion: { active: false }, reason: 'inactive' },
    { name: 'before starts_at', promotion: { starts_at: '2026-06-15T12:00:01Z' }, reason: 'not_started' },
    { name: 'at starts_at', promotion: { starts_at: '2026-06-15T12:00:00Z' }, reason: null },
    { name: 'at ends_at', promotion: { ends_at: '2026-06-15T12:00:00Z' }, reason: 'expired' },
    { name: 'before ends_at', promotion: { ends_at: '2026-06-15T12:00:01Z' }, reason: null },
    { name: 'no uses left', promotion: { uses_left: 0 }, reason: 'usage_limit_reached' },
    { name: 'one use left', promotion: { uses_left: 1 }, reason: null },
    { name: 'subtotal below minimum', promotion: { conditions: { min_subtotal: 5001, currency_code: 'EUR' } }, reason: 'min_subtotal_not_met' },
    { name: 'subtotal at minimum', promotion: { conditions: { min_subtotal: 5000, currency_code: 'EUR' } }, reason: null },
    { name: 'quantity below minimum', promotion: { conditions: { min_quantity: 4 } }, reason: 'min_quantity_not_met' },
    { name: 'quantity at minimum', promotion: { conditions: { min_quantity: 3 } }, reason: null },
    { name: 'other region', promotion: { conditions: { region_ids: ['reg_us'] } }, reason: 'wrong_region' },
    { name: 'listed region', promotion: { conditions: { region_ids: ['reg_us', 'reg_nl'] } }, reason: null },
    { name: 'other currency (condition)', promotion: { conditions: { currency_code: 'USD' } }, reason: 'wrong_currency' },
    { name: 'other currency (fixed amount)', promotion: {}, rule: { type: 'order_fixed', amount: 500, currency_code: 'USD' }, reason: 'wrong_currency' },
    { name: 'other sales channel', promotion: { conditions: { sales_channel_ids: ['sc_pos'] } }, reason: 'wrong_channel' },
    { name: 'logged-in only, guest', promotion: { conditions: { customer: 'logged_in' } }, reason: 'not_eligible_customer' },
    { name: 'logged-in only, customer', promotion: { conditions: { customer: 'logged_in' } }, cart: { customer: { id: 'cus_1', is_logged_in: true, previous_orders: 3 } }, reason: null },
    { name: 'first order, returning buyer', promotion: { conditions: { customer: 'first_order' } }, cart: { customer: { is_logged_in: false, previous_orders: 1 } }, reason: 'not_eligible_customer' },
    { name: 'first order, new buyer', promotion: { conditions: { customer: 'first_order' } }, reason: null },
    { name: 'target matches nothing', promotion: {}, rule: { type: 'items_percentage', percentage: 10, target: { product_ids: ['p_none'] } }, reason: 'no_eligible_items' },
    { name: 'buy 3 pay 2 with two units', promotion: {}, rule: { type: 'buy_x_get_y', buy: 2, get: 1, target: { product_ids: ['p_shirt'] } }, reason: 'min_quantity_not_met' },
    { name: 'tiered below the lowest tier', promotion: {}, rule: { type: 'tiered', currency_code: 'EUR', tiers: [{ min_subtotal: 9000, amount: 500 }] }, reason: 'min_subtotal_not_met' },
    { name: 'free shipping before a method', promotion: {}, rule: { type: 'free_shipping' }, cart: { shipping_amount: null }, reason: 'no_eligible_items' },
    { name: 'empty cart', promotion: {}, cart: { items: [] }, reason: 'no_eligible_items' },
  ]
  for (const c of cases) {
    it(`${c.name}: ${c.reason ?? 'applies'}`, () => {
      const result = evaluatePromotions(cart(c.cart), [promo(c.rule ?? pct(10), c.promotion)], NOW)
      if (c.reason === null) {
        expect(result.not_applied).toEqual([])
        expect(result.applied).toHaveLength(1)
      } else {
        expect(result.applied).toEqual([])
        expect(result.not_applied).toEqual([{ promotion_id: 'promo_a', code: 'CODE', reason: c.reason }])
        expect(result.items).toEqual({})
      }
    })
  }
})

describe('evaluatePromotions: stacking (docs/adr/0004-promotion-stacking.md)', () => {
  it('applies item discounts first, then order discounts on what is left, then shipping', () => {
    const result = evaluatePromotions(
      cart(),
      [
        promo({ type: 'free_shipping' }, { id: 'p_ship' }),
        promo(pct(10), { id: 'p_order', priority: 100 }),
        promo({ type: 'items_fixed', amount: 1000, currency_code: 'EUR', per: 'line', target: { product_ids: ['p_mug'] } }, { id: 'p_mug' }),
      ],
      NOW,
    )
    expect(result.applied.map((a) => a.promotion_id)).toEqual(['p_mug', 'p_order', 'p_ship'])
    // 10% of the 40.00 left after the mug is free
    expect(result.applied[1]!.items).toEqual({ l1: 400 })
    expect(result.items).toEqual({ l1: 400, l2: 1000 })
    expect(result.shipping_discount).toBe(495)
  })

  it('an exclusive promotion applies alone; the highest priority exclusive wins', () => {
    const result = evaluatePromotions(
      cart(),
      [promo(pct(5), { id: 'p_a' }), promo(pct(20), { id: 'p_b', exclusive: true, code: 'B' }), promo(pct(30), { id: 'p_c', exclusive: true, priority: 1, code: 'C' })],
      NOW,
    )
    expect(result.applied.map((a) => a.promotion_id)).toEqual(['p_c'])
    expect(result.not_applied).toEqual([
      { promotion_id: 'p_a', code: 'CODE', reason: 'not_combinable' },
      { promotion_id: 'p_b', code: 'B', reason: 'not_combinable' },
    ])
  })

  it('the order of the input does not change the outcome', () => {
    const list = [promo(pct(10), { id: 'p1', code: 'A' }), promo(pct(10), { id: 'p2', code: null }), promo({ type: 'order_fixed', amount: 777, currency_code: 'EUR' }, { id: 'p3', code: 'Z' })]
    const a = evaluatePromotions(cart(), list, NOW)
    const b = evaluatePromotions(cart(), [...list].reverse(), NOW)
    expect(b).toEqual(a)
  })

  it('an ineligible exclusive promotion blocks nothing', () => {
    const result = evaluatePromotions(cart(), [promo(pct(10), { id: 'p1' }), promo(pct(50), { id: 'p2', exclusive: true, active: false })], NOW)
    expect(result.applied.map((a) => a.promotion_id)).toEqual(['p1'])
    expect(result.not_applied).toEqual([{ promotion_id: 'p2', code: 'CODE', reason: 'inactive' }])
  })

  it('a promotion with nothing left to discount is reported, not applied', () => {
    const result = evaluatePromotions(cart(), [promo(pct(100), { id: 'p1' }), promo({ type: 'order_fixed', amount: 100, currency_code: 'EUR' }, { id: 'p2' })], NOW)
    expect(result.applied.map((a) => a.promotion_id)).toEqual(['p1'])
    expect(result.not_applied).toEqual([{ promotion_id: 'p2', code: 'CODE', reason: 'no_eligible_items' }])
  })
})
