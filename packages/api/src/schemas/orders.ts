import { z } from '@hono/zod-openapi'
import { OrderSchema } from './cart.js'

const money = z.number().int()
const timestamp = z.string().openapi({ format: 'date-time' })
const lineQuantity = z.object({ line_id: z.string(), quantity: z.number().int() })

export const FulfillmentSchema = z
  .object({
    id: z.string(),
    order_id: z.string(),
    location_id: z.string(),
    status: z.enum(['fulfilled', 'shipped', 'delivered']),
    carrier: z.string().nullable(),
    tracking_number: z.string().nullable(),
    tracking_url: z.string().nullable(),
    items: z.array(lineQuantity),
    created_at: timestamp,
    shipped_at: timestamp.nullable(),
    delivered_at: timestamp.nullable(),
  })
  .openapi('Fulfillment')

export const OrderReturnSchema = z
  .object({
    id: z.string(),
    order_id: z.string(),
    status: z.enum(['requested', 'received']),
    reason: z.string(),
    requested_by: z.enum(['customer', 'admin']),
    location_id: z.string().nullable(),
    items: z.array(lineQuantity.extend({ restock: z.boolean().nullable().openapi({ description: 'Set when received' }) })),
    created_at: timestamp,
    received_at: timestamp.nullable(),
  })
  .openapi('OrderReturn')

export const PaymentTransactionSchema = z
  .object({
    id: z.string(),
    order_id: z.string(),
    kind: z.enum(['capture', 'refund', 'cancel']),
    status: z.enum(['pending', 'succeeded', 'failed']),
    amount: money,
    reason: z.string().nullable(),
    return_id: z.string().nullable(),
    created_at: timestamp,
  })
  .openapi('PaymentTransaction')

export const OrderActivitySchema = z
  .object({
    id: z.string(),
    type: z.string().openapi({ description: 'The event type of the change (order.shipped, ...) or order.note_added' }),
    data: z.record(z.string(), z.unknown()),
    actor: z.string().nullable(),
    created_at: timestamp,
  })
  .openapi('OrderActivity')

export const OrderDetailSchema = OrderSchema.extend({
  fulfillments: z.array(FulfillmentSchema),
  returns: z.array(OrderReturnSchema),
  transactions: z.array(PaymentTransactionSchema),
  timeline: z.array(OrderActivitySchema),
}).openapi('OrderDetail')
