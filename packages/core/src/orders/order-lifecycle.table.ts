import type { ColumnType, Generated } from 'kysely'
import type { Bool, Json, Timestamp } from '../catalog/catalog.table.js'
import type { FulfillmentStatus } from './fulfillment-status.js'
import type { OrderLifecycleStatus } from './order-status.js'
import type { PaymentLifecycleStatus } from './payment-status.js'

/** Columns 0012 adds to `order`; all have defaults, so placing an order may leave them out. */
export interface OrderLifecycleColumns {
  lifecycle_status: ColumnType<OrderLifecycleStatus, OrderLifecycleStatus | undefined, OrderLifecycleStatus>
  lifecycle_payment_status: ColumnType<PaymentLifecycleStatus, PaymentLifecycleStatus | undefined, PaymentLifecycleStatus>
  fulfillment_status: ColumnType<FulfillmentStatus, FulfillmentStatus | undefined, FulfillmentStatus>
  authorized_amount: Generated<number>
  captured_amount: Generated<number>
  refunded_amount: Generated<number>
  outstanding_amount: Generated<number>
  canceled_at: ColumnType<Date | string | null, string | null | undefined, string | null>
}

/** Columns 0012 adds to `order_line`: units of the line that went each step. */
export interface OrderLineLifecycleColumns {
  fulfilled_quantity: Generated<number>
  shipped_quantity: Generated<number>
  delivered_quantity: Generated<number>
  returned_quantity: Generated<number>
}

export interface FulfillmentTable {
  id: string
  order_id: string
  location_id: string
  status: 'fulfilled' | 'shipped' | 'delivered'
  carrier: string | null
  tracking_number: string | null
  tracking_url: string | null
  created_at: Timestamp
  shipped_at: Timestamp | null
  delivered_at: Timestamp | null
}

export interface FulfillmentItemTable {
  fulfillment_id: string
  order_line_id: string
  quantity: number
}

export interface OrderReturnTable {
  id: string
  order_id: string
  status: 'requested' | 'received'
  reason: string
  requested_by: 'customer' | 'admin'
  location_id: string | null
  created_at: Timestamp
  received_at: Timestamp | null
}

export interface ReturnItemTable {
  return_id: string
  order_line_id: string
  quantity: number
  restock: Bool | null
}

export interface PaymentTransactionTable {
  id: string
  order_id: string
  kind: 'capture' | 'refund' | 'cancel'
  status: 'pending' | 'succeeded' | 'failed'
  amount: number
  reason: string | null
  note: string | null
  return_id: string | null
  created_at: Timestamp
}

export interface OrderActivityTable {
  id: string
  order_id: string
  type: string
  data: Json
  actor: string | null
  created_at: Timestamp
}

export interface DraftOrderTable {
  cart_id: string
  created_by: string | null
  created_at: Timestamp
}

export interface OrderLifecycleTables {
  draft_order: DraftOrderTable
  fulfillment: FulfillmentTable
  fulfillment_item: FulfillmentItemTable
  order_return: OrderReturnTable
  return_item: ReturnItemTable
  payment_transaction: PaymentTransactionTable
  order_activity: OrderActivityTable
}
