import type { Ctx } from '../kernel/ctx.js'
import { InventoryErrors, type StockShortage } from './inventory.js'
import * as repo from './inventory.repository.js'
import * as orderStock from './order-stock.repository.js'
import * as reservations from './reservation.repository.js'

export interface OrderStockItem {
  variant_id: string
  quantity: number
}

/**
 * Ships units of an order from `locationId`: the order's reservations there become the units that
 * leave (stocked and reserved both drop); units beyond them release the order's reservations at
 * other locations and come out of unreserved stock here. Variants that do not manage inventory are
 * skipped. All or nothing: throws `inventory.insufficient` naming every short variant. Call it in
 * the transaction that records the fulfillment.
 */
export async function takeOrderStock(ctx: Ctx, orderId: string, locationId: string, items: OrderStockItem[]): Promise<void> {
  const now = ctx.now().toISOString()
  const wanted = sumByVariant(items)
  const flags = await repo.findVariantFlags(ctx.db, [...wanted.keys()])
  const held = await orderStock.findOrderReservations(ctx.db, orderId)
  const shortages: StockShortage[] = []
  for (const variantId of [...wanted.keys()].sort()) {
    const quantity = wanted.get(variantId)!
    if (flags.get(variantId)?.manage_inventory === false) continue
    const mine = held.filter((r) => r.variant_id === variantId)
    const here = mine.filter((r) => r.location_id === locationId)
    let fromReserved = 0
    for (const r of here) {
      const take = Math.min(r.quantity, quantity - fromReserved)
      if (take <= 0) break
      await orderStock.shrinkReservation(ctx.db, r, take)
      fromReserved += take
    }
    const unreserved = quantity - fromReserved
    // Units reserved for this order elsewhere are not needed there any more.
    let toRelease = unreserved
    for (const r of mine.filter((r) => r.location_id !== locationId)) {
      const give = Math.min(r.quantity, toRelease)
      if (give <= 0) break
      await orderStock.shrinkReservation(ctx.db, r, give)
      await repo.addReserved(ctx.db, r.variant_id, r.location_id, -give, now, false)
      toRelease -= give
    }
    if (!(await orderStock.takeStock(ctx.db, variantId, locationId, fromReserved, unreserved, now))) {
      const level = await repo.findLevel(ctx.db, variantId, locationId)
      shortages.push({ variant_id: variantId, requested: quantity, available: Math.max(0, (level?.available_quantity ?? 0) + fromReserved) })
    }
  }
  if (shortages.length) throw InventoryErrors.insufficient(shortages)
}

/** Gives back every unit still reserved for an order (it was canceled before shipping them); returns how many units. */
export async function releaseOrderReservations(ctx: Ctx, orderId: string): Promise<number> {
  const now = ctx.now().toISOString()
  const held = await orderStock.findOrderReservations(ctx.db, orderId)
  await reservations.deleteReservations(
    ctx.db,
    held.map((r) => r.id),
  )
  let units = 0
  for (const r of held) {
    await repo.addReserved(ctx.db, r.variant_id, r.location_id, -r.quantity, now, false)
    units += r.quantity
  }
  return units
}

/** Units returned to stock at a location (a received return); variants that do not manage inventory are skipped. */
export async function restockItems(ctx: Ctx, locationId: string, items: OrderStockItem[]): Promise<void> {
  const now = ctx.now().toISOString()
  const wanted = sumByVariant(items)
  const flags = await repo.findVariantFlags(ctx.db, [...wanted.keys()])
  for (const variantId of [...wanted.keys()].sort()) {
    const flag = flags.get(variantId)
    if (!flag || !flag.manage_inventory) continue
    await orderStock.addStocked(
      ctx.db,
      { variant_id: variantId, location_id: locationId, allow_backorder: flag.allow_backorder, quantity: wanted.get(variantId)! },
      now,
    )
  }
}

function sumByVariant(items: OrderStockItem[]): Map<string, number> {
  const wanted = new Map<string, number>()
  for (const i of items) wanted.set(i.variant_id, (wanted.get(i.variant_id) ?? 0) + i.quantity)
  return wanted
}


/**
 * Changes what is reserved for an order by `delta` units per variant (an edit before
 * fulfillment): more units are reserved at the sales channel's location, never overselling;
 * fewer give back the order's reservations. Throws `inventory.insufficient`.
 */
export async function adjustOrderReservations(
  ctx: Ctx,
  order: { id: string; cart_id: string; sales_channel_id: string },
  deltas: OrderStockItem[],
): Promise<void> {
  const now = ctx.now().toISOString()
  const flags = await repo.findVariantFlags(
    ctx.db,
    deltas.map((d) => d.variant_id),
  )
  const locationId = await repo.findChannelLocationId(ctx.db, order.sales_channel_id)
  const held = await orderStock.findOrderReservations(ctx.db, order.id)
  const shortages: StockShortage[] = []
  for (const d of [...deltas].sort((a, b) => (a.variant_id < b.variant_id ? -1 : 1))) {
    if (d.quantity === 0 || flags.get(d.variant_id)?.manage_inventory === false) continue
    if (d.quantity < 0) {
      let give = -d.quantity
      for (const r of held.filter((r) => r.variant_id === d.variant_id)) {
        const part = Math.min(r.quantity, give)
        if (part <= 0) break
        await orderStock.shrinkReservation(ctx.db, r, part)
        await repo.addReserved(ctx.db, r.variant_id, r.location_id, -part, now, false)
        give -= part
      }
      continue
    }
    if (!locationId || (await repo.addReserved(ctx.db, d.variant_id, locationId, d.quantity, now, true)) === 0) {
      const level = locationId ? await repo.findLevel(ctx.db, d.variant_id, locationId) : undefined
      shortages.push({ variant_id: d.variant_id, requested: d.quantity, available: Math.max(0, level?.available_quantity ?? 0) })
      continue
    }
    await orderStock.insertOrderReservation(ctx.db, {
      id: ctx.newId('res'),
      cart_id: order.cart_id,
      order_id: order.id,
      variant_id: d.variant_id,
      location_id: locationId,
      quantity: d.quantity,
      created_at: now,
    })
  }
  if (shortages.length) throw InventoryErrors.insufficient(shortages)
}
