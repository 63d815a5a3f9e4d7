import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findPromotionCode, getPromotion } from '../promotions/index.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { DEMO_PROMOTION_CODE, seedDemoPromotions } from './demo-promotions.js'

describe('the demo promotion', () => {
  let ctx: Awaited<ReturnType<typeof createTestCtx>>
  beforeAll(async () => {
    ctx = await createTestCtx()
  })
  afterAll(async () => ctx?.close())

  it('is WELCOME10: 10% off the order, no minimum, unlimited uses, created once', async () => {
    expect(await seedDemoPromotions(ctx)).toBe(true)
    expect(await seedDemoPromotions(ctx)).toBe(false)
    const code = await findPromotionCode(ctx, 'welcome10')
    expect(code).toMatchObject({ code: DEMO_PROMOTION_CODE, usage_limit: null })
    const promotion = await getPromotion(ctx, code!.promotion_id)
    expect(promotion).toMatchObject({
      status: 'active',
      automatic: false,
      rule: { type: 'order_percentage', percentage: 10 },
      conditions: {},
      usage_limit: null,
      customer_usage_limit: null,
    })
  })
})
