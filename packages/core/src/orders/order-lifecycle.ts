import { z } from 'zod'
import { defineError, KassaError } from '../kernel/errors.js'
import { amountSchema, idSchema, limitSchema } from '../kernel/schemas.js'
import { FULFILLMENT_STATUSES } from './fulfillment-status.js'
import type { Order } from './order.js'
import { ORDER_STATUSES } from './order-status.js'
import { PAYMENT_STATUSES } from './payment-status.js'
import type { StateMachine } from './state-machine.js'

/** A pending capture, refund or void older than this no longer blocks the next (its process died mid-call). */
export const PAYMENT_OPERATION_STALE_MS = 5 * 60 * 1000

const text = (max: number) => z.string().trim().min(1).max(max)
const positiveAmount = amountSchema.min(1)
const lineQuantity = z.strictObject({ line_id: idSchema, quantity: z.number().int().min(1).max(1000) })
const distinctLines = <T extends { line_id: string }>(items: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    if (seen.has(item.line_id)) ctx.addIssue({ code: 'custom', message: 'each line once', path: [i, 'line_id'] })
    seen.add(item.line_id)
  })
}
const lineQuantities = z.array(lineQuantity).min(1).max(1000).superRefine(distinctLines)
const httpsUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'an http(s) URL')

export const orderListQuerySchema = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  payment_status: z.enum(PAYMENT_STATUSES).optional(),
  fulfillment_status: z.enum(FULFILLMENT_STATUSES).optional(),
  created_from: z.iso.datetime({ offset: true }).optional(),
  created_to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** The orders a customer account placed (not guest orders of the same email). */
  customer_id: idSchema.optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
})

export const captureSchema = z.strictObject({ amount: positiveAmount.optional() })

export const fulfillmentCreateSchema = z.strictObject({
  location_id: idSchema.optional(),
  items: lineQuantities.optional(),
})

export const shipSchema = z.strictObject({
  carrier: text(100),
  tracking_number: text(200),
  tracking_url: httpsUrl.optional(),
})

export const cancelOrderSchema = z.strictObject({ reason: text(500).optional() })

export const noteSchema = z.strictObject({ body: text(5000) })

export const returnRequestSchema = z.strictObject({ items: lineQuantities, reason: text(500) })

export const returnReceiveSchema = z.strictObject({
  location_id: idSchema.optional(),
  items: z
    .array(z.strictObject({ line_id: idSchema, restock: z.boolean() }))
    .max(1000)
    .superRefine(distinctLines)
    .optional(),
})

export const refundSchema = z
  .strictObject({
    amount: positiveAmount.optional(),
    lines: lineQuantities.optional(),
    shipping: z.boolean().optional(),
    return_id: idSchema.optional(),
    reason: text(500).optional(),
  })
  .superRefine((input, ctx) => {
    const byParts = input.lines !== undefined || input.shipping === true
    if (input.amount !== undefined && byParts)
      ctx.addIssue({ code: 'custom', message: 'give an amount, or lines and/or shipping', path: ['amount'] })
    if (input.amount === undefined && !byParts)
      ctx.addIssue({ code: 'custom', message: 'give an amount, lines or shipping', path: ['amount'] })
  })

export type OrderListQuery = z.input<typeof orderListQuerySchema>
export type CaptureInput = z.infer<typeof captureSchema>
export type FulfillmentCreateInput = z.infer<typeof fulfillmentCreateSchema>
export type ShipInput = z.infer<typeof shipSchema>
export type CancelOrderInput = z.infer<typeof cancelOrderSchema>
export type NoteInput = z.infer<typeof noteSchema>
export type ReturnRequestInput = z.infer<typeof returnRequestSchema>
export type ReturnReceiveInput = z.infer<typeof returnReceiveSchema>
export type RefundInput = z.infer<typeof refundSchema>

export interface Fulfillment {
  id: string
  order_id: string
  location_id: string
  status: 'fulfilled' | 'shipped' | 'delivered'
  carrier: string | null
  tracking_number: string | null
  tracking_url: string | null
  items: { line_id: string; quantity: number }[]
  created_at: string
  shipped_at: string | null
  delivered_at: string | null
}

export interface OrderReturn {
  id: string
  order_id: string
  status: 'requested' | 'received'
  reason: string
  requested_by: 'customer' | 'admin'
  location_id: string | null
  items: { line_id: string; quantity: number; restock: boolean | null }[]
  created_at: string
  received_at: string | null
}

export interface PaymentTransaction {
  id: string
  order_id: string
  kind: 'capture' | 'refund' | 'cancel'
  status: 'pending' | 'succeeded' | 'failed'
  amount: number
  reason: string | null
  return_id: string | null
  created_at: string
}

/** One entry of an order's timeline: a change (same `type` as its event) or an internal note. */
export interface OrderActivity {
  id: string
  type: string
  data: Record<string, unknown>
  actor: string | null
  created_at: string
}

/** An order with everything that happened to it, for the Admin API. */
export interface OrderDetail extends Order {
  fulfillments: Fulfillment[]
  returns: OrderReturn[]
  transactions: PaymentTransaction[]
  timeline: OrderActivity[]
}

const quantityUnavailable = defineError(
  'order.quantity_unavailable',
  'conflict',
  () => 'More units than the order lines have left for this',
)

export const OrderLifecycleErrors = {
  closed: defineError('order.closed', 'conflict', (id: string, status: string) => `Order ${id} is ${status}`),
  alreadyFulfilled: defineError(
    'order.already_fulfilled',
    'conflict',
    (id: string) => `Order ${id} has fulfillments: return the goods instead of canceling`,
  ),
  lineNotFound: defineError('order.line_not_found', 'not_found', (id: string) => `Order line ${id} not found`),
  /** Carries `lines: [{ line_id, requested, available }]`. */
  quantityUnavailable: Object.assign(
    (lines: { line_id: string; requested: number; available: number }[]) =>
      new KassaError(quantityUnavailable.code, quantityUnavailable.kind, quantityUnavailable().message, { extra: { lines } }),
    { code: quantityUnavailable.code, kind: quantityUnavailable.kind },
  ),
  exceedsCapturable: defineError(
    'order.amount_exceeds_capturable',
    'conflict',
    (capturable: number) => `At most ${capturable} can still be captured`,
  ),
  exceedsRefundable: defineError(
    'order.amount_exceeds_refundable',
    'conflict',
    (refundable: number) => `At most ${refundable} can still be refunded`,
  ),
  paymentInProgress: defineError(
    'order.payment_in_progress',
    'conflict',
    (id: string) => `Order ${id} has a payment operation in progress`,
  ),
  paymentFailed: defineError('order.payment_failed', 'unprocessable', (reason: string) => `The payment provider refused: ${reason}`),
  fulfillmentNotFound: defineError('fulfillment.not_found', 'not_found', (id: string) => `Fulfillment ${id} not found`),
  returnNotFound: defineError('return.not_found', 'not_found', (id: string) => `Return ${id} not found`),
}

export type FulfillmentRecordStatus = Fulfillment['status']

/** One fulfillment's own steps: packed, shipped, delivered. */
export const fulfillmentRecordMachine: StateMachine<FulfillmentRecordStatus> = {
  states: ['fulfilled', 'shipped', 'delivered'],
  transitions: { fulfilled: ['shipped'], shipped: ['delivered'], delivered: [] },
  error: defineError(
    'fulfillment.invalid_transition',
    'conflict',
    (from: string, to: string) => `A fulfillment cannot go from ${from} to ${to}`,
  ),
}

export type ReturnStatus = OrderReturn['status']

/** A return is requested, then received once. */
export const returnMachine: StateMachine<ReturnStatus> = {
  states: ['requested', 'received'],
  transitions: { requested: ['received'], received: [] },
  error: defineError('return.invalid_transition', 'conflict', (from: string, to: string) => `A return cannot go from ${from} to ${to}`),
}
