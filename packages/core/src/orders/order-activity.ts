import { recordEvent } from '../events/event.service.js'
import type { Ctx } from '../kernel/ctx.js'
import { fulfillmentStatusMachine, fulfillmentStatusOf, type FulfillmentStatus } from './fulfillment-status.js'
import type { Order } from './order.js'
import { OrderLifecycleErrors } from './order-lifecycle.js'
import * as lifecycle from './order-lifecycle.repository.js'
import { findOrder } from './order.repository.js'
import { OrderErrors } from './order.js'
import { orderStatusMachine } from './order-status.js'
import { assertTransition } from './state-machine.js'

export type OrderState = NonNullable<Awaited<ReturnType<typeof lifecycle.lockOrderState>>>

/** Who made a change, as the timeline shows it. */
export function actorLabel(ctx: Ctx): string {
  const a = ctx.actor
  return a.type === 'admin' || a.type === 'customer' ? `${a.type}:${a.id}` : a.type
}

/** Locks the order (PostgreSQL) and reads it with its lines: the start of every lifecycle change. */
export async function loadForChange(ctx: Ctx, orderId: string): Promise<{ state: OrderState; order: Order }> {
  const state = await lifecycle.lockOrderState(ctx.db, orderId)
  const order = state && (await findOrder(ctx.db, { id: orderId }))
  if (!state || !order) throw OrderErrors.notFound(orderId)
  return { state, order }
}

/** Refuses changes to canceled and archived orders. */
export function assertOpen(state: OrderState, allowCompleted = true): void {
  const open = state.lifecycle_status === 'pending' || (allowCompleted && state.lifecycle_status === 'completed')
  if (!open) throw OrderLifecycleErrors.closed(state.id, state.lifecycle_status)
}

/**
 * Writes a change to the order's timeline and its event to the outbox, in the caller's
 * transaction. `payload` is the event's stable data; the timeline keeps the same.
 */
export async function recordOrderChange(ctx: Ctx, orderId: string, type: string, payload: Record<string, unknown>): Promise<void> {
  await lifecycle.insertActivity(ctx.db, {
    id: ctx.newId('oact'),
    order_id: orderId,
    type,
    data: payload,
    actor: actorLabel(ctx),
    created_at: ctx.now().toISOString(),
  })
  await recordEvent(ctx, type, payload)
}

/** The fulfillment status the order's lines now imply, after checking the move is legal. */
export async function nextFulfillmentStatus(ctx: Ctx, orderId: string, from: FulfillmentStatus): Promise<FulfillmentStatus> {
  const order = await findOrder(ctx.db, { id: orderId })
  const items = order?.items ?? []
  const sum = (pick: (i: Order['items'][number]) => number) => items.reduce((n, i) => n + pick(i), 0)
  const to = fulfillmentStatusOf({
    ordered: sum((i) => i.quantity),
    fulfilled: sum((i) => i.fulfilled_quantity),
    shipped: sum((i) => i.shipped_quantity),
    delivered: sum((i) => i.delivered_quantity),
    returned: sum((i) => i.returned_quantity),
  })
  assertTransition(fulfillmentStatusMachine, from, to)
  return to
}

const DONE_FULFILLMENT: FulfillmentStatus[] = ['fulfilled', 'shipped', 'delivered', 'partially_returned', 'returned']

/** A pending order whose payment is fully captured and whose goods are all fulfilled is completed. */
export async function completeIfDone(
  ctx: Ctx,
  state: { id: string; lifecycle_status: string },
  now: { payment_status: string; fulfillment_status: FulfillmentStatus; captured: bigint; total: bigint },
): Promise<boolean> {
  if (state.lifecycle_status !== 'pending') return false
  if (now.captured < now.total || !DONE_FULFILLMENT.includes(now.fulfillment_status)) return false
  assertTransition(orderStatusMachine, 'pending', 'completed')
  await lifecycle.updateOrderState(ctx.db, state.id, { lifecycle_status: 'completed' }, ctx.now().toISOString())
  await lifecycle.insertActivity(ctx.db, {
    id: ctx.newId('oact'),
    order_id: state.id,
    type: 'order.completed',
    data: { order_id: state.id },
    actor: actorLabel(ctx),
    created_at: ctx.now().toISOString(),
  })
  return true
}
