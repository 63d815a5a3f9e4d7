export * from './order.js'
export * from './order.service.js'
export type { OrderStatus, OrderPaymentStatus } from './order.table.js'
export { listOwnedOrders, anonymizeOrders } from './order.repository.js'
