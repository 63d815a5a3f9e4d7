export * from './cart.js'
export * from './cart.service.js'
export { buildCart, isSellable } from './cart-view.js'
export { abandonPendingPayment, cancelQuietly } from './cart-release.js'
export { addCartPromotion, removeCartPromotion } from './cart-promotions.js'
export { findPaymentProvider } from './payment-provider.js'
export {
  findCartRow,
  findCartLines,
  findPaymentSession,
  moveCartStatus,
  replacePaymentSession,
  updatePaymentSession,
  type CartRow,
  type CartLineRow,
  type PaymentSessionRow,
} from './cart.repository.js'
export type { CartStatus, PaymentSessionStatus } from './cart.table.js'
export { claimGuestCart } from './cart-claim.js'
