/** Promotions: codes and automatic discounts, a pure evaluation engine, usage limits claimed at completion. */
export * from './promotion.js'
export { evaluatePromotions, checkPromotion, type CandidatePromotion, type CustomerSnapshot, type EvaluationCart, type EvaluationLine, type Evaluation, type Adjustment } from './evaluate.js'
export {
  createPromotion,
  getPromotion,
  listPromotions,
  updatePromotion,
  setPromotionActive,
  deletePromotion,
  addPromotionCodes,
  listPromotionCodes,
  generatePromotionCodes,
  listPromotionOrders,
  type PromotionDetail,
} from './promotion.service.js'
export { priceCartPromotions, customerKeyOf, type PromotionPricing, type PromotionPricingInput } from './promotion-pricing.js'
export { claimPromotionUses, noteRefusedPromotions, releasePromotionUses, sweepExpiredPromotionUses, useClaimedPromotions, insertOrderPromotions, type OrderPromotionRow, type ClaimableCart } from './promotion-claim.service.js'
export { attachPromotionCode, detachPromotionCode, findPromotionCode } from './promotion-cart.js'
export type { PromotionTables } from './promotion.table.js'
