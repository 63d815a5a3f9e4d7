import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listEvents } from '../events/index.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import {
  type CartAdjustment,
  claimPromotionUses,
  createPromotion,
  getPromotion,
  releasePromotionUses,
  sweepExpiredPromotionUses,
  updatePromotion,
} from './index.js'

type TestCtx = Awaited<ReturnType<typeof createTestCtx>>
let ctx: TestCtx
beforeAll(async () => {
  ctx = await createTestCtx()
})
afterAll(async () => ctx?.close())

const FUTURE = '2099-01-01T00:00:00.000Z'
const adjustment = (promotion_id: string, code: string | null): CartAdjustment => ({
  promotion_id,
  code,
  name: 'x',
  type: 'order_percentage',
  amount: 100,
  shipping_amount: 0,
})
const cart = (id: string, email: string, adjustments: CartAdjustment[]) => ({ id, email, promotions: [], adjustments })
const usageOf = async (id: string) => (await getPromotion(ctx, id)).usage_count

describe('promotions', () => {
  it('refuses a code another promotion holds, case-insensitively', async () => {
    await createPromotion(ctx, { name: 'A', codes: ['Summer10'], rule: { type: 'order_percentage', percentage: 10 } })
    await expect(createPromotion(ctx, { name: 'B', codes: ['SUMMER10'], rule: { type: 'free_shipping' } })).rejects.toMatchObject({
      code: 'promotion.code_taken',
    })
  })

  it('records promotion.created and promotion.updated in the outbox', async () => {
    const promo = await createPromotion(ctx, { name: 'Evented', rule: { type: 'free_shipping' }, automatic: true })
    await updatePromotion(ctx, promo.id, { priority: 5 })
    const types = (await listEvents(ctx, { limit: 1000 })).filter((e) => e.data.id === promo.id).map((e) => e.type)
    expect(types).toEqual(['promotion.created', 'promotion.updated'])
  })

  it('claims per customer by email for guests: the second use of one email is refused, another email is not', async () => {
    const promo = await createPromotion(ctx, { name: 'Once each', codes: ['ONCE-EACH'], rule: { type: 'order_percentage', percentage: 10 }, customer_usage_limit: 1 })
    await claimPromotionUses(ctx, cart('cart_1', 'Ann@example.com', [adjustment(promo.id, 'ONCE-EACH')]), FUTURE)
    await expect(claimPromotionUses(ctx, cart('cart_2', 'ann@example.com', [adjustment(promo.id, 'ONCE-EACH')]), FUTURE)).rejects.toMatchObject({
      code: 'promotion.usage_limit_reached',
    })
    await claimPromotionUses(ctx, cart('cart_3', 'bob@example.com', [adjustment(promo.id, 'ONCE-EACH')]), FUTURE)
    expect(await usageOf(promo.id)).toBe(2)
  })

  it('claims a limited code up to its limit, and gives a released use back exactly once', async () => {
    const promo = await createPromotion(ctx, { name: 'Two', codes: ['TWO-USES'], rule: { type: 'order_percentage', percentage: 10 }, usage_limit: 2 })
    await claimPromotionUses(ctx, cart('cart_a', 'a@example.com', [adjustment(promo.id, 'TWO-USES')]), FUTURE)
    await claimPromotionUses(ctx, cart('cart_b', 'b@example.com', [adjustment(promo.id, 'TWO-USES')]), FUTURE)
    await expect(claimPromotionUses(ctx, cart('cart_c', 'c@example.com', [adjustment(promo.id, 'TWO-USES')]), FUTURE)).rejects.toMatchObject({
      code: 'promotion.usage_limit_reached',
      extra: { codes: ['TWO-USES'] },
    })
    expect(await usageOf(promo.id)).toBe(2)
    expect(await releasePromotionUses(ctx, 'cart_a')).toBe(1)
    expect(await releasePromotionUses(ctx, 'cart_a')).toBe(0)
    expect(await usageOf(promo.id)).toBe(1)
    // Claiming again for the same cart replaces its earlier claim rather than taking a second use.
    await claimPromotionUses(ctx, cart('cart_b', 'b@example.com', [adjustment(promo.id, 'TWO-USES')]), FUTURE)
    expect(await usageOf(promo.id)).toBe(1)
  })

  it('the sweeper gives back claims past their expiry, and only those', async () => {
    const promo = await createPromotion(ctx, { name: 'Sweep', automatic: true, rule: { type: 'order_percentage', percentage: 5 }, usage_limit: 10 })
    await claimPromotionUses(ctx, cart('cart_old', 'x@example.com', [adjustment(promo.id, null)]), '2000-01-01T00:00:00.000Z')
    await claimPromotionUses(ctx, cart('cart_new', 'y@example.com', [adjustment(promo.id, null)]), FUTURE)
    expect(await usageOf(promo.id)).toBe(2)
    expect(await sweepExpiredPromotionUses(ctx)).toBe(1)
    expect(await usageOf(promo.id)).toBe(1)
    expect((await getPromotion(ctx, promo.id)).usage).toEqual({ claimed: 1, used: 0 })
  })
})
