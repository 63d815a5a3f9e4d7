import { ANY_ADMIN, type AuthzTable, MANAGERS, SAME_CHANNEL } from './table.js'

/** Promotions: every admin reads them, owner and manager change them; a cart's codes are its channel's. */
export const PROMOTIONS_TABLE: AuthzTable = {
  adminListPromotions: ANY_ADMIN,
  adminGetPromotion: ANY_ADMIN,
  adminListPromotionCodes: ANY_ADMIN,
  adminListPromotionOrders: ANY_ADMIN,
  adminCreatePromotion: MANAGERS,
  adminUpdatePromotion: MANAGERS,
  adminDeletePromotion: MANAGERS,
  adminActivatePromotion: MANAGERS,
  adminDeactivatePromotion: MANAGERS,
  adminAddPromotionCodes: MANAGERS,
  adminGeneratePromotionCodes: MANAGERS,
  storeAddCartPromotion: SAME_CHANNEL,
  storeDeleteCartPromotion: SAME_CHANNEL,
}
