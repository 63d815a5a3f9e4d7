import { ANY_STOREFRONT, type AuthzTable, SAME_CHANNEL } from './table.js'

/**
 * Carts and orders. A guest cart is reachable with its id and its channel's key; another
 * channel's key gets 404. Customer actors join here with the customer accounts (a customer's
 * cart and orders: the owner allowed, another customer 404).
 */
export const CHECKOUT_TABLE: AuthzTable = {
  storeCreateCart: ANY_STOREFRONT,
  storeGetCart: SAME_CHANNEL,
  storeUpdateCart: SAME_CHANNEL,
  storeAddCartLine: SAME_CHANNEL,
  storeUpdateCartLine: SAME_CHANNEL,
  storeDeleteCartLine: SAME_CHANNEL,
  storeListCartShippingOptions: SAME_CHANNEL,
  storeSetCartShippingMethod: SAME_CHANNEL,
  storeSetCartPayment: SAME_CHANNEL,
  storeConfirmCartPayment: SAME_CHANNEL,
  storeCompleteCart: SAME_CHANNEL,
  // With the order token of the fixture order.
  storeGetOrder: SAME_CHANNEL,
}
