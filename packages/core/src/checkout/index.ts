export * from './checkout.js'
export { completeCart, confirmPayment, missingFor } from './complete.service.js'
export { setPaymentSession } from './payment.service.js'
export { createDraftOrder, getDraftOrder, addDraftOrderLine, setDraftOrderShipping, convertDraftOrder, draftOrderCreateSchema, DraftOrderErrors, type DraftOrderCreateInput } from './draft-order.service.js'
