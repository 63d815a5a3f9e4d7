export * from './checkout.js'
export { completeCart, confirmPayment, missingFor } from './complete.service.js'
export { setPaymentSession } from './payment.service.js'
