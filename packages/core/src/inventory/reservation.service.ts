import { z } from 'zod'
import { constraintViolation } from '../db/dialect.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { idSchema } from '../kernel/schemas.js'
import { parseInput } from '../kernel/validate.js'
import { InventoryErrors, type ReserveStockInput, type StockShortage } from './inventory.js'
import * as repo from './inventory.repository.js'
import * as reservations from './reservation.repository.js'

const reserveSchema = z.strictObject({
  cart_id: idSchema,
  channel_id: idSchema,
  items: z.array(z.strictObject({ variant_id: idSchema, quantity: z.number().int().min(1).max(1_000_000) })).max(1000),
  expires_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 timestamp'),
})

interface LevelChange {
  variant_id: string
  location_id: string
  /** What this cart held at the level before, and what it asks for now. */
  before: number
  after: number
  backorder: boolean
}

/**
 * Reserves the items of a cart at its sales channel's stock location, all or nothing. Items of the
 * same variant are summed; variants that do not manage inventory are skipped. Calling it again for
 * the same cart replaces the cart's earlier (not yet ordered) reservations. Throws
 * `inventory.insufficient` naming every variant short of stock, and then changes nothing.
 * @example await inTransaction(ctx, (tx) => reserveStock(tx, { cart_id, channel_id, items, expires_at }))
 */
export async function reserveStock(ctx: Ctx, rawInput: ReserveStockInput): Promise<void> {
  const input = parseInput(reserveSchema, rawInput)
  const expiresAt = new Date(input.expires_at).toISOString()
  await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString()
    const wanted = new Map<string, number>()
    for (const item of input.items) wanted.set(item.variant_id, (wanted.get(item.variant_id) ?? 0) + item.quantity)
    const flags = await repo.findVariantFlags(tx.db, [...wanted.keys()])
    const locationId = await repo.findChannelLocationId(tx.db, input.channel_id)
    const previous = await reservations.findOpenReservations(tx.db, input.cart_id)

    // One net change per level: the old reservations are given back in the same statement that takes the new ones.
    const changes = new Map<string, LevelChange>()
    const change = (variant_id: string, location_id: string) => {
      const key = `${variant_id} ${location_id}`
      let c = changes.get(key)
      if (!c) changes.set(key, (c = { variant_id, location_id, before: 0, after: 0, backorder: false }))
      return c
    }
    for (const r of previous) change(r.variant_id, r.location_id).before += r.quantity
    const shortages: StockShortage[] = []
    for (const [variantId, quantity] of wanted) {
      const variant = flags.get(variantId)
      if (variant && !variant.manage_inventory) continue
      if (!variant || !locationId) {
        shortages.push({ variant_id: variantId, requested: quantity, available: 0 })
        continue
      }
      const c = change(variantId, locationId)
      c.after += quantity
      c.backorder = variant.allow_backorder
    }
    if (shortages.length) throw InventoryErrors.insufficient(shortages)

    // A fixed lock order (by variant, then location) keeps concurrent reservations free of deadlocks.
    const ordered = [...changes.values()].sort(byLevel)
    const applied: LevelChange[] = []
    for (const c of ordered) {
      const delta = c.after - c.before
      if (delta === 0) continue
      if (delta < 0) await repo.addReserved(tx.db, c.variant_id, c.location_id, delta, now, false)
      else if (c.backorder) await reserveBackorder(tx, c, delta, now, wanted)
      else if ((await repo.addReserved(tx.db, c.variant_id, c.location_id, delta, now, true)) === 0) {
        const level = await repo.findLevel(tx.db, c.variant_id, c.location_id)
        const available = level ? level.available_quantity + c.before : 0
        shortages.push({ variant_id: c.variant_id, requested: wanted.get(c.variant_id)!, available: Math.max(0, available) })
        continue
      }
      applied.push(c)
    }
    if (shortages.length) {
      // Put back what this call changed, so a caller that catches the error commits nothing of it.
      for (const c of applied.reverse()) await repo.addReserved(tx.db, c.variant_id, c.location_id, c.before - c.after, now, false)
      throw InventoryErrors.insufficient(shortages)
    }

    await reservations.deleteReservations(
      tx.db,
      previous.map((r) => r.id),
    )
    await reservations.insertReservations(
      tx.db,
      ordered
        .filter((c) => c.after > 0)
        .map((c) => ({
          id: tx.newId('res'),
          cart_id: input.cart_id,
          variant_id: c.variant_id,
          location_id: c.location_id,
          quantity: c.after,
          expires_at: expiresAt,
          created_at: now,
        })),
    )
  })
}

async function reserveBackorder(ctx: Ctx, c: LevelChange, delta: number, now: string, wanted: Map<string, number>): Promise<void> {
  try {
    await repo.addBackorderReserved(ctx.db, c.variant_id, c.location_id, delta, now)
  } catch (error) {
    // The variant stopped allowing backorders after we read it: the stock CHECK refused the write.
    if (constraintViolation(error)?.kind === 'check') {
      throw InventoryErrors.insufficient([{ variant_id: c.variant_id, requested: wanted.get(c.variant_id)!, available: 0 }])
    }
    throw error
  }
}

/** Gives back a cart's reservations that are not yet an order's; returns how many were released. */
export async function releaseReservations(ctx: Ctx, cartId: string): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const released = await reservations.deleteOpenReservations(tx.db, cartId)
    await giveBack(tx, released)
    return released.length
  })
}

/**
 * Hands a cart's reservations to its order: they no longer expire and stay reserved until
 * fulfillment. Returns how many were converted (0 when none were left, e.g. swept after expiry).
 */
export async function convertReservations(ctx: Ctx, cartId: string, orderId: string): Promise<number> {
  return reservations.markReservationsConverted(ctx.db, cartId, orderId)
}

/**
 * Releases every expired reservation that never became an order's (a crash between reserving
 * and ordering must not keep stock). Returns how many were released.
 */
export async function sweepExpiredReservations(ctx: Ctx): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const expired = await reservations.deleteExpiredReservations(tx.db, tx.now().toISOString())
    await giveBack(tx, expired)
    return expired.length
  })
}

async function giveBack(ctx: Ctx, reservations: reservations.ReservationRow[]): Promise<void> {
  const totals = new Map<string, { variant_id: string; location_id: string; quantity: number }>()
  for (const r of reservations) {
    const key = `${r.variant_id} ${r.location_id}`
    const t = totals.get(key) ?? { variant_id: r.variant_id, location_id: r.location_id, quantity: 0 }
    t.quantity += Number(r.quantity)
    totals.set(key, t)
  }
  const now = ctx.now().toISOString()
  const ordered = [...totals.values()].sort(byLevel)
  for (const t of ordered) await repo.addReserved(ctx.db, t.variant_id, t.location_id, -t.quantity, now, false)
}

function byLevel(a: { variant_id: string; location_id: string }, b: { variant_id: string; location_id: string }): number {
  const x = `${a.variant_id} ${a.location_id}`
  const y = `${b.variant_id} ${b.location_id}`
  return x < y ? -1 : x > y ? 1 : 0
}
