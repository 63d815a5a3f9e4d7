import { findChannelLocationId } from '../inventory/inventory.repository.js'
import { getStockLocation, takeOrderStock } from '../inventory/index.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import type { Order } from './order.js'
import { assertOpen, completeIfDone, loadForChange, nextFulfillmentStatus, type OrderState, recordOrderChange } from './order-activity.js'
import {
  type Fulfillment,
  type FulfillmentCreateInput,
  fulfillmentCreateSchema,
  fulfillmentRecordMachine,
  OrderLifecycleErrors,
  type ShipInput,
  shipSchema,
} from './order-lifecycle.js'
import * as lifecycle from './order-lifecycle.repository.js'
import { assertTransition } from './state-machine.js'

/**
 * Packs some or all of an order's unfulfilled units at a stock location (default: the sales
 * channel's). Stock leaves for real: the order's reservations become the units taken. Writes
 * `order.fulfilled`.
 */
export async function createFulfillment(ctx: Ctx, orderId: string, rawInput: FulfillmentCreateInput = {}): Promise<{ order: Order; fulfillment: Fulfillment }> {
  const input = parseInput(fulfillmentCreateSchema, rawInput)
  return inTransaction(ctx, async (tx) => {
    const { state, order } = await loadForChange(tx, orderId)
    assertOpen(state, false)
    const locationId = input.location_id ?? (await findChannelLocationId(tx.db, order.sales_channel_id))
    if (!locationId) throw OrderLifecycleErrors.closed(orderId, 'without a stock location')
    await getStockLocation(tx, locationId)
    const wanted = input.items ?? order.items.filter((i) => i.quantity > i.fulfilled_quantity).map((i) => ({ line_id: i.id, quantity: i.quantity - i.fulfilled_quantity }))
    const lines = pickLines(order, wanted, (i) => i.quantity - i.fulfilled_quantity)
    if (!lines.length) throw OrderLifecycleErrors.quantityUnavailable([])
    await takeOrderStock(tx, orderId, locationId, lines.map((l) => ({ variant_id: l.line.variant_id, quantity: l.quantity })))
    for (const l of lines) await lifecycle.addLineQuantity(tx.db, l.line.id, 'fulfilled_quantity', l.quantity)
    const now = tx.now().toISOString()
    const fulfillment: Fulfillment = {
      id: tx.newId('ful'),
      order_id: orderId,
      location_id: locationId,
      status: 'fulfilled',
      carrier: null,
      tracking_number: null,
      tracking_url: null,
      items: lines.map((l) => ({ line_id: l.line.id, quantity: l.quantity })),
      created_at: now,
      shipped_at: null,
      delivered_at: null,
    }
    await lifecycle.insertFulfillment(tx.db, fulfillment)
    const status = await moveFulfillmentStatus(tx, state)
    await recordOrderChange(tx, orderId, 'order.fulfilled', {
      ...base(state),
      fulfillment_id: fulfillment.id,
      location_id: locationId,
      items: lines.map((l) => ({ line_id: l.line.id, variant_id: l.line.variant_id, sku: l.line.sku, quantity: l.quantity })),
      fulfillment_status: status,
    })
    return { order: (await loadForChange(tx, orderId)).order, fulfillment }
  })
}

/** Marks a fulfillment shipped with its carrier and tracking; writes `order.shipped`. */
export async function markShipped(ctx: Ctx, orderId: string, fulfillmentId: string, rawInput: ShipInput): Promise<{ order: Order; fulfillment: Fulfillment }> {
  const input = parseInput(shipSchema, rawInput)
  return moveFulfillment(ctx, orderId, fulfillmentId, 'shipped', async (tx, state, fulfillment, status) => {
    const now = tx.now().toISOString()
    const set = { status: 'shipped' as const, carrier: input.carrier, tracking_number: input.tracking_number, tracking_url: input.tracking_url ?? null, shipped_at: now }
    await lifecycle.updateFulfillment(tx.db, fulfillment.id, set)
    for (const i of fulfillment.items) await lifecycle.addLineQuantity(tx.db, i.line_id, 'shipped_quantity', i.quantity)
    const next = await status()
    await recordOrderChange(tx, orderId, 'order.shipped', {
      ...base(state),
      fulfillment_id: fulfillment.id,
      carrier: set.carrier,
      tracking_number: set.tracking_number,
      tracking_url: set.tracking_url,
      items: fulfillment.items,
      fulfillment_status: next,
    })
  })
}

/** Marks a shipped fulfillment delivered; writes `order.delivered`. */
export async function markDelivered(ctx: Ctx, orderId: string, fulfillmentId: string): Promise<{ order: Order; fulfillment: Fulfillment }> {
  return moveFulfillment(ctx, orderId, fulfillmentId, 'delivered', async (tx, state, fulfillment, status) => {
    await lifecycle.updateFulfillment(tx.db, fulfillment.id, { status: 'delivered', delivered_at: tx.now().toISOString() })
    for (const i of fulfillment.items) await lifecycle.addLineQuantity(tx.db, i.line_id, 'delivered_quantity', i.quantity)
    const next = await status()
    await recordOrderChange(tx, orderId, 'order.delivered', { ...base(state), fulfillment_id: fulfillment.id, items: fulfillment.items, fulfillment_status: next })
  })
}

async function moveFulfillment(
  ctx: Ctx,
  orderId: string,
  fulfillmentId: string,
  to: Fulfillment['status'],
  apply: (tx: Ctx, state: OrderState, fulfillment: Fulfillment, status: () => Promise<string>) => Promise<void>,
): Promise<{ order: Order; fulfillment: Fulfillment }> {
  return inTransaction(ctx, async (tx) => {
    const { state } = await loadForChange(tx, orderId)
    const [fulfillment] = await lifecycle.findFulfillments(tx.db, orderId, fulfillmentId)
    if (!fulfillment) throw OrderLifecycleErrors.fulfillmentNotFound(fulfillmentId)
    assertOpen(state)
    assertTransition(fulfillmentRecordMachine, fulfillment.status, to)
    await apply(tx, state, fulfillment, () => moveFulfillmentStatus(tx, state))
    const [after] = await lifecycle.findFulfillments(tx.db, orderId, fulfillmentId)
    return { order: (await loadForChange(tx, orderId)).order, fulfillment: after! }
  })
}

/** Recomputes the order's fulfillment status from its lines (checked against the machine), then completes the order if it is done. */
export async function moveFulfillmentStatus(tx: Ctx, state: OrderState): Promise<string> {
  const status = await nextFulfillmentStatus(tx, state.id, state.fulfillment_status)
  if (status !== state.fulfillment_status) await lifecycle.updateOrderState(tx.db, state.id, { fulfillment_status: status }, tx.now().toISOString())
  await completeIfDone(tx, state, {
    payment_status: state.lifecycle_payment_status,
    fulfillment_status: status,
    captured: BigInt(state.captured_amount),
    total: BigInt(state.total),
  })
  return status
}

/** The lines named, each with at most `left(line)` units; throws `order.line_not_found` / `order.quantity_unavailable`. */
export function pickLines(
  order: Order,
  wanted: { line_id: string; quantity: number }[],
  left: (line: Order['items'][number]) => number,
): { line: Order['items'][number]; quantity: number }[] {
  const short: { line_id: string; requested: number; available: number }[] = []
  const picked = wanted.map((w) => {
    const line = order.items.find((i) => i.id === w.line_id)
    if (!line) throw OrderLifecycleErrors.lineNotFound(w.line_id)
    if (w.quantity > left(line)) short.push({ line_id: line.id, requested: w.quantity, available: Math.max(0, left(line)) })
    return { line, quantity: w.quantity }
  })
  if (short.length) throw OrderLifecycleErrors.quantityUnavailable(short)
  return picked
}

export const base = (state: OrderState) => ({ order_id: state.id, number: Number(state.number) })
