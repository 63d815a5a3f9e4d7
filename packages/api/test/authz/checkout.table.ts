import { ANY_STOREFRONT, type AuthzTable, SAME_CHANNEL } from './table.js'

/**
 * Carts and orders. The fixture carts are guest carts (no owner): reachable with their id and
 * their channel's key, by a guest and by any signed-in customer alike; another channel's key gets
 * 404. A customer's own cart and order are that customer's alone: authz/ownership.test.ts sends
 * every cart operation at customer A's cart as customer B and as a guest.
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
