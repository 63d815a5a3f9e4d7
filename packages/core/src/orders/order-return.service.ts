import { findChannelLocationId } from '../inventory/inventory.repository.js'
import { getStockLocation, restockItems } from '../inventory/index.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import type { Order } from './order.js'
import { getOrderWithToken } from './order.service.js'
import { loadForChange, recordOrderChange } from './order-activity.js'
import { base, moveFulfillmentStatus, pickLines } from './order-fulfillment.service.js'
import {
  OrderLifecycleErrors,
  type OrderReturn,
  type ReturnReceiveInput,
  returnMachine,
  type ReturnRequestInput,
  returnReceiveSchema,
  returnRequestSchema,
} from './order-lifecycle.js'
import * as lifecycle from './order-lifecycle.repository.js'
import { assertTransition } from './state-machine.js'

/**
 * Asks to send back shipped units of some lines, with a reason; an admin receives it later.
 * Never more units than shipped minus those already returned or asked for. Writes `return.requested`.
 */
export async function requestReturn(
  ctx: Ctx,
  orderId: string,
  rawInput: ReturnRequestInput,
  requestedBy: OrderReturn['requested_by'] = 'admin',
): Promise<{ order: Order; return: OrderReturn }> {
  const input = parseInput(returnRequestSchema, rawInput)
  return inTransaction(ctx, async (tx) => {
    const { state, order } = await loadForChange(tx, orderId)
    if (state.lifecycle_status === 'canceled' || state.lifecycle_status === 'archived') throw OrderLifecycleErrors.closed(orderId, state.lifecycle_status)
    const open = await lifecycle.findReturns(tx.db, orderId)
    const asked = (lineId: string) =>
      open
        .filter((r) => r.status === 'requested')
        .flatMap((r) => r.items)
        .filter((i) => i.line_id === lineId)
        .reduce((n, i) => n + i.quantity, 0)
    const lines = pickLines(order, input.items, (l) => l.shipped_quantity - l.returned_quantity - asked(l.id))
    const created: OrderReturn = {
      id: tx.newId('ret'),
      order_id: orderId,
      status: 'requested',
      reason: input.reason,
      requested_by: requestedBy,
      location_id: null,
      items: lines.map((l) => ({ line_id: l.line.id, quantity: l.quantity, restock: null })),
      created_at: tx.now().toISOString(),
      received_at: null,
    }
    await lifecycle.insertReturn(tx.db, created)
    await recordOrderChange(tx, orderId, 'return.requested', {
      return_id: created.id,
      ...base(state),
      requested_by: requestedBy,
      reason: input.reason,
      items: lines.map((l) => ({ line_id: l.line.id, variant_id: l.line.variant_id, sku: l.line.sku, quantity: l.quantity })),
    })
    return { order: (await loadForChange(tx, orderId)).order, return: created }
  })
}

/** A return asked for by the buyer holding the order's token (`x-order-token`); a wrong token is the order's 404. */
export async function requestReturnWithToken(ctx: Ctx, orderId: string, token: string | undefined, rawInput: ReturnRequestInput): Promise<OrderReturn> {
  const input = parseInput(returnRequestSchema, rawInput)
  await getOrderWithToken(ctx, orderId, token)
  return (await requestReturn(ctx, orderId, input, 'customer')).return
}

/**
 * Receives a requested return at a location (default: the sales channel's). Each line is
 * restocked (stock rises there) unless `items` says `restock: false` for it. Writes `return.received`.
 */
export async function receiveReturn(ctx: Ctx, orderId: string, returnId: string, rawInput: ReturnReceiveInput = {}): Promise<{ order: Order; return: OrderReturn }> {
  const input = parseInput(returnReceiveSchema, rawInput)
  return inTransaction(ctx, async (tx) => {
    const { state, order } = await loadForChange(tx, orderId)
    const [found] = await lifecycle.findReturns(tx.db, orderId, returnId)
    if (!found) throw OrderLifecycleErrors.returnNotFound(returnId)
    assertTransition(returnMachine, found.status, 'received')
    for (const i of input.items ?? []) {
      if (!found.items.some((r) => r.line_id === i.line_id)) throw OrderLifecycleErrors.lineNotFound(i.line_id)
    }
    const locationId = input.location_id ?? (await findChannelLocationId(tx.db, order.sales_channel_id)) ?? null
    if (input.location_id) await getStockLocation(tx, input.location_id)
    const restock = new Map(found.items.map((i) => [i.line_id, input.items?.find((x) => x.line_id === i.line_id)?.restock ?? true]))
    const back = found.items.filter((i) => restock.get(i.line_id))
    if (back.length && locationId) {
      const variantOf = (lineId: string) => order.items.find((l) => l.id === lineId)!.variant_id
      await restockItems(tx, locationId, back.map((i) => ({ variant_id: variantOf(i.line_id), quantity: i.quantity })))
    }
    for (const i of found.items) await lifecycle.addLineQuantity(tx.db, i.line_id, 'returned_quantity', i.quantity)
    const now = tx.now().toISOString()
    await lifecycle.markReturnReceived(tx.db, returnId, locationId, restock, now)
    const status = await moveFulfillmentStatus(tx, state)
    await recordOrderChange(tx, orderId, 'return.received', {
      return_id: returnId,
      ...base(state),
      location_id: locationId,
      items: found.items.map((i) => ({ line_id: i.line_id, quantity: i.quantity, restock: restock.get(i.line_id) ?? false })),
      fulfillment_status: status,
    })
    const [after] = await lifecycle.findReturns(tx.db, orderId, returnId)
    return { order: (await loadForChange(tx, orderId)).order, return: after! }
  })
}
