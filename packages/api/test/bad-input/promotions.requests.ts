import { addCartPromotion, createCart, createPromotion, ensureDefaultChannel } from '@kassa/core'
import type { TestApi } from '../helpers.js'
import type { BadCase } from './generate.js'
import type { Fixtures, ValidRequest } from './requests.js'

/** Promotions the promotion operations act on, and a cart holding a code that the delete request removes. */
export interface PromotionFixtures {
  promotionId: string
  doomedPromotionId: string
  code: string
  cartWithCode: { cartId: string; code: string }
}

export async function createPromotionFixtures(api: TestApi, regionId: string): Promise<PromotionFixtures> {
  const { channel } = await ensureDefaultChannel(api.commerce.ctx())
  const ctx = api.commerce.ctx({ type: 'guest' }, channel)
  const promotion = await createPromotion(ctx, { name: 'Fixture ten', codes: ['FIXTURE10', 'FIXTURE-HELD'], rule: { type: 'order_percentage', percentage: 10 } })
  const doomed = await createPromotion(ctx, { name: 'Fixture doomed', rule: { type: 'free_shipping' } })
  const cart = await createCart(ctx, { region_id: regionId })
  await addCartPromotion(ctx, cart.id, { code: 'FIXTURE-HELD' })
  return { promotionId: promotion.id, doomedPromotionId: doomed.id, code: 'FIXTURE10', cartWithCode: { cartId: cart.id, code: 'FIXTURE-HELD' } }
}

const target = (f: Fixtures) => ({ product_ids: [f.product.id], collection_ids: [f.collection.id], category_ids: [f.category.id] })
const promotionBody = (f: Fixtures) => ({
  name: 'Summer shirts',
  automatic: false,
  codes: ['VALID-SUMMER'],
  rule: { type: 'items_fixed', amount: 500, currency_code: 'EUR', per: 'unit', target: target(f) },
  conditions: {
    min_subtotal: 2000,
    min_quantity: 1,
    currency_code: 'EUR',
    region_ids: [f.checkout.regionId],
    sales_channel_ids: [f.inventory.channelId],
    customer: 'any',
  },
  exclusive: false,
  priority: 10,
  starts_at: '2026-01-01T00:00:00Z',
  ends_at: '2027-01-01T00:00:00Z',
  usage_limit: 100,
  customer_usage_limit: 1,
  active: true,
})
const list = { query: { limit: '10' } }

export const PROMOTION_REQUESTS: Record<string, (f: Fixtures) => ValidRequest> = {
  storeAddCartPromotion: (f) => ({ path: { id: f.checkout.cartId }, body: { code: f.promotions.code.toLowerCase() } }),
  storeDeleteCartPromotion: (f) => ({ path: { id: f.promotions.cartWithCode.cartId, code: f.promotions.cartWithCode.code } }),

  adminListPromotions: () => list,
  adminCreatePromotion: (f) => ({ body: promotionBody(f) }),
  adminGetPromotion: (f) => ({ path: { id: f.promotions.promotionId } }),
  adminUpdatePromotion: (f) => {
    const { codes: _codes, automatic: _automatic, active: _active, ...fields } = promotionBody(f)
    return { path: { id: f.promotions.promotionId }, body: fields }
  },
  adminDeletePromotion: (f) => ({ path: { id: f.promotions.doomedPromotionId } }),
  adminActivatePromotion: (f) => ({ path: { id: f.promotions.promotionId } }),
  adminDeactivatePromotion: (f) => ({ path: { id: f.promotions.promotionId } }),
  adminListPromotionCodes: (f) => ({ path: { id: f.promotions.promotionId }, ...list }),
  adminAddPromotionCodes: (f) => ({ path: { id: f.promotions.promotionId }, body: { codes: ['VALID-ADDED'] } }),
  adminGeneratePromotionCodes: (f) => ({ path: { id: f.promotions.promotionId }, body: { count: 5, prefix: 'FX', usage_limit: 1 } }),
  adminListPromotionOrders: (f) => ({ path: { id: f.promotions.promotionId }, ...list }),
}

const body = (label: string, at: (string | number)[], value: unknown, path = at.join('.')): BadCase => ({
  label: `body ${at.join('.')}: ${label}`,
  mutation: { in: 'body', at, set: () => value },
  expect: { path },
})

/** Rules of the promotion operations that the JSON Schema cannot state. */
export const PROMOTION_SEMANTIC_CASES: Record<string, BadCase[]> = {
  adminCreatePromotion: [
    body('an automatic promotion with codes', ['automatic'], true, 'codes'),
    body('a target naming nothing', ['rule', 'target'], {}, 'rule.target'),
    body('a percentage with three decimals', ['rule'], { type: 'order_percentage', percentage: 12.345 }, 'rule.percentage'),
  ],
  storeAddCartPromotion: [body('only whitespace', ['code'], '   ')],
}
