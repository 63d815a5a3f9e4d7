import { z } from 'zod'
import { releaseOrderReservations } from '../inventory/index.js'
import type { Ctx } from '../kernel/ctx.js'
import { inTransaction } from '../kernel/ctx.js'
import { decodeCursor, encodeCursor } from '../kernel/cursor.js'
import { parseInput } from '../kernel/validate.js'
import type { Order } from './order.js'
import { OrderErrors } from './order.js'
import { actorLabel, loadForChange, type OrderState, recordOrderChange } from './order-activity.js'
import { applyRefund, runPaymentOperation } from './order-payment.service.js'
import { base } from './order-fulfillment.service.js'
import {
  type CancelOrderInput,
  cancelOrderSchema,
  type NoteInput,
  noteSchema,
  type OrderActivity,
  type OrderDetail,
  OrderLifecycleErrors,
  type OrderListQuery,
  orderListQuerySchema,
} from './order-lifecycle.js'
import * as lifecycle from './order-lifecycle.repository.js'
import { findOrder } from './order.repository.js'
import { orderStatusMachine } from './order-status.js'
import { refundable } from './payment-ledger.js'
import { paymentStatusMachine } from './payment-status.js'
import { assertTransition } from './state-machine.js'
import { amountsOf } from './order-payment.service.js'

const listCursor = z.tuple([z.string(), z.string()])

/** Orders newest first, filtered by status, payment and fulfillment status, a creation window, `q` (order number or email) and `customer_id`. */
export async function listOrders(ctx: Ctx, rawQuery: OrderListQuery = {}): Promise<{ data: Order[]; next_cursor: string | null }> {
  const query = parseInput(orderListQuerySchema, rawQuery)
  const rows = await lifecycle.findOrderIds(ctx.db, {
    status: query.status,
    payment_status: query.payment_status,
    fulfillment_status: query.fulfillment_status,
    created_from: query.created_from && new Date(query.created_from).toISOString(),
    created_to: query.created_to && new Date(query.created_to).toISOString(),
    q: query.q,
    customer_id: query.customer_id,
    after: query.cursor ? decodeCursor(query.cursor, listCursor) : undefined,
    limit: query.limit,
  })
  const page = rows.slice(0, query.limit)
  const data: Order[] = []
  for (const r of page) data.push((await findOrder(ctx.db, { id: r.id }))!)
  const last = page[page.length - 1]
  return { data, next_cursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.id]) : null }
}

/** An order with its fulfillments, returns, payment transactions and timeline (changes and internal notes, oldest first). */
export async function getOrderDetail(ctx: Ctx, orderId: string): Promise<OrderDetail> {
  const order = await findOrder(ctx.db, { id: orderId })
  if (!order) throw OrderErrors.notFound(orderId)
  const placed: OrderActivity = {
    id: `${order.id}_placed`,
    type: 'order.placed',
    data: { order_id: order.id, number: order.number, total: order.total },
    actor: null,
    created_at: order.created_at,
  }
  return {
    ...order,
    fulfillments: await lifecycle.findFulfillments(ctx.db, orderId),
    returns: await lifecycle.findReturns(ctx.db, orderId),
    transactions: await lifecycle.findTransactions(ctx.db, orderId),
    timeline: [placed, ...(await lifecycle.findActivity(ctx.db, orderId))],
  }
}

/** Adds an internal note to the order's timeline; writes `order.note_added`. */
export async function addOrderNote(ctx: Ctx, orderId: string, rawInput: NoteInput): Promise<OrderActivity> {
  const input = parseInput(noteSchema, rawInput)
  return inTransaction(ctx, async (tx) => {
    const { state } = await loadForChange(tx, orderId)
    const noteId = tx.newId('note')
    await recordOrderChange(tx, orderId, 'order.note_added', { ...base(state), note_id: noteId, body: input.body, author: actorLabel(tx) })
    const timeline = await lifecycle.findActivity(tx.db, orderId)
    return timeline[timeline.length - 1]!
  })
}

/**
 * Cancels an order that has shipped nothing: its reserved stock is released, and its payment
 * refunded (what was captured) or voided (an authorization only). Writes `order.canceled`, and
 * `refund.created` when money went back.
 */
export async function cancelOrder(ctx: Ctx, orderId: string, rawInput: CancelOrderInput = {}): Promise<Order> {
  const input = parseInput(cancelOrderSchema, rawInput)
  const check = (state: OrderState) => {
    assertTransition(orderStatusMachine, state.lifecycle_status, 'canceled')
    if (state.fulfillment_status !== 'not_fulfilled') throw OrderLifecycleErrors.alreadyFulfilled(state.id)
  }
  const first = await inTransaction(ctx, async (tx) => {
    const { state } = await loadForChange(tx, orderId)
    check(state)
    return state
  })
  const toRefund = refundable(amountsOf(first))
  const settled = first.lifecycle_payment_status === 'refunded' || first.lifecycle_payment_status === 'canceled'
  const finish = async (tx: Ctx, state: OrderState, refundId: string | null) => {
    check(state)
    const now = tx.now().toISOString()
    const released = await releaseOrderReservations(tx, orderId)
    await lifecycle.updateOrderState(tx.db, orderId, { lifecycle_status: 'canceled', canceled_at: now }, now)
    await recordOrderChange(tx, orderId, 'order.canceled', {
      ...base(state),
      reason: input.reason ?? null,
      payment_status: state.lifecycle_payment_status,
      refund_id: refundId,
      refunded_amount: Number(state.refunded_amount),
      released_units: released,
    })
  }
  if (settled) {
    await inTransaction(ctx, async (tx) => finish(tx, (await loadForChange(tx, orderId)).state, null))
  } else if (toRefund > 0n) {
    await runPaymentOperation(ctx, orderId, 'refund', {
      plan: (state) => {
        check(state)
        return { amount: refundable(amountsOf(state)), reason: 'order canceled' }
      },
      call: (gateway, ref, amount) => gateway.refund({ provider_ref: ref, amount }),
      async apply(tx, state, t) {
        await applyRefund(tx, state, t)
        await finish(tx, state, t.id)
      },
    })
  } else {
    await runPaymentOperation(ctx, orderId, 'cancel', {
      plan: (state) => {
        check(state)
        assertTransition(paymentStatusMachine, state.lifecycle_payment_status, 'canceled')
        return { amount: 0n, reason: 'order canceled' }
      },
      call: (gateway, ref) => gateway.cancel({ provider_ref: ref }),
      async apply(tx, state) {
        assertTransition(paymentStatusMachine, state.lifecycle_payment_status, 'canceled')
        await lifecycle.updateOrderState(tx.db, orderId, { lifecycle_payment_status: 'canceled' }, tx.now().toISOString())
        state.lifecycle_payment_status = 'canceled'
        await finish(tx, state, null)
      },
    })
  }
  return (await findOrder(ctx.db, { id: orderId }))!
}
