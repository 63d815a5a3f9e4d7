import type { Ctx } from '../kernel/ctx.js'
import { createPromotion, findPromotionCode } from '../promotions/index.js'

/** The demo promotion of docs (API.md "Demo data"): WELCOME10, 10% off the order, no minimum, unlimited uses. */
export const DEMO_PROMOTION_CODE = 'WELCOME10'

/** Creates the demo promotion unless its code exists already. Returns whether it was created. */
export async function seedDemoPromotions(ctx: Ctx): Promise<boolean> {
  if (await findPromotionCode(ctx, DEMO_PROMOTION_CODE)) return false
  await createPromotion(ctx, { name: 'Welcome: 10% off', codes: [DEMO_PROMOTION_CODE], rule: { type: 'order_percentage', percentage: 10 } })
  return true
}
