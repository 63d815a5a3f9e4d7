import { ANY_ADMIN, type AuthzTable, ORDER_WRITERS, SAME_CHANNEL } from './table.js'

/**
 * After the sale: every admin reads orders; owner, manager and support (and the support-scoped key)
 * act on them. A buyer asks for a return with the order's token, in the order's channel.
 */
export const ORDERS_TABLE: AuthzTable = {
  adminListOrders: ANY_ADMIN,
  adminGetOrder: ANY_ADMIN,
  adminGetDraftOrder: ANY_ADMIN,
  adminCaptureOrderPayment: ORDER_WRITERS,
  adminCreateFulfillment: ORDER_WRITERS,
  adminShipFulfillment: ORDER_WRITERS,
  adminDeliverFulfillment: ORDER_WRITERS,
  adminCancelOrder: ORDER_WRITERS,
  adminEditOrder: ORDER_WRITERS,
  adminAddOrderNote: ORDER_WRITERS,
  adminRequestReturn: ORDER_WRITERS,
  adminReceiveReturn: ORDER_WRITERS,
  adminRefundOrder: ORDER_WRITERS,
  adminCreateDraftOrder: ORDER_WRITERS,
  adminAddDraftOrderLine: ORDER_WRITERS,
  adminSetDraftOrderShipping: ORDER_WRITERS,
  adminConvertDraftOrder: ORDER_WRITERS,
  storeRequestReturn: SAME_CHANNEL,
}
