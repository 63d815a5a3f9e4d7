import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { isKassaError, KassaError } from '../kernel/errors.js'
import { type CartAdjustment, type CartPromotionEntry, PromotionErrors } from './promotion.js'
import { customerKeyOf } from './promotion-pricing.js'
import * as repo from './promotion.repository.js'

/** What a claim needs of a priced cart. */
export interface ClaimableCart {
  id: string
  email: string | null
  promotions: CartPromotionEntry[]
  adjustments?: CartAdjustment[]
}

/**
 * Takes one use of every promotion the priced cart applies, inside the completion's transaction
 * (the one that reserves stock), before payment. Each use is a conditional update (`usage_count <
 * usage_limit`, rows affected), so two buyers, in one process or several, never both take the last
 * use. Throws `promotion.usage_limit_reached` when one is gone, and when a code on the cart lost its
 * last use since the buyer last saw it applied: the total would differ from the one shown.
 * `confirming`: the cart was priced before (a payment confirmation); its uses are taken again.
 */
export async function claimPromotionUses(ctx: Ctx, cart: ClaimableCart, expiresAt: string, options: { confirming?: boolean } = {}): Promise<void> {
  // One transaction (the caller's, at completion): a refused claim takes nothing, not even the uses before it.
  await inTransaction(ctx, async (tx) => {
    // An earlier attempt of this cart (a stale claim taken over, a confirmation) gives its uses back first.
    await releasePromotionUses(tx, cart.id)
    const refused: string[] = []
    if (!options.confirming) {
      const seen = new Set((await repo.findCartCodes(tx.db, cart.id)).filter((c) => c.limit_seen).map((c) => c.code.code))
      for (const p of cart.promotions) if (!p.applied && p.reason === 'usage_limit_reached' && !seen.has(p.code)) refused.push(p.code)
    }
    const key = customerKeyOf(tx, cart.email)
    const now = tx.now().toISOString()
    // Promotions in id order: concurrent claims lock their rows in one order (no deadlock).
    const adjustments = [...(cart.adjustments ?? [])].sort((a, b) => (a.promotion_id < b.promotion_id ? -1 : 1))
    for (const adjustment of adjustments) {
      const label = adjustment.code ?? adjustment.name
      const promotion = await repo.findPromotion(tx.db, adjustment.promotion_id)
      const code = adjustment.code ? await repo.findCode(tx.db, adjustment.code) : undefined
      const taken =
        promotion !== undefined &&
        (!adjustment.code || code !== undefined) &&
        (await repo.takePromotionUse(tx.db, promotion.id)) &&
        (!code || (await repo.takeCodeUse(tx.db, code.id))) &&
        (promotion.customer_usage_limit === null || (await repo.takeCustomerUse(tx.db, promotion.id, key, promotion.customer_usage_limit)))
      if (!taken) {
        refused.push(label)
        continue
      }
      await repo.insertUsage(tx.db, {
        id: tx.newId('promuse'),
        promotion_id: promotion.id,
        code_id: code?.id ?? null,
        cart_id: cart.id,
        customer_key: key,
        expires_at: expiresAt,
        created_at: now,
      })
    }
    if (refused.length) throw new KassaError(PromotionErrors.usageLimitReached.code, 'conflict', PromotionErrors.usageLimitReached(refused).message, { extra: { codes: refused } })
  })
}

/**
 * After a completion failed with `promotion.usage_limit_reached` (its transaction rolled back):
 * the codes are marked as seen, so the cart completes at its new total next time. Rethrows `error`.
 */
export async function noteRefusedPromotions(ctx: Ctx, cartId: string, error: unknown): Promise<never> {
  if (isKassaError(error) && error.code === PromotionErrors.usageLimitReached.code) {
    const codes = (error.extra?.codes as string[] | undefined) ?? []
    await inTransaction(ctx, (tx) => repo.markLimitSeen(tx.db, cartId, codes, tx.now().toISOString()))
  }
  throw error
}

/** Gives back the uses a cart claimed and did not turn into an order (declined payment, abandoned). */
export async function releasePromotionUses(ctx: Ctx, cartId: string): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const released = await repo.deleteClaimedUsages(tx.db, { cartId })
    await repo.giveBackUses(tx.db, released)
    return released.length
  })
}

/** Gives back claimed uses past their expiry (with the stock reservations they were taken with). */
export async function sweepExpiredPromotionUses(ctx: Ctx): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const released = await repo.deleteClaimedUsages(tx.db, { expiredBefore: tx.now().toISOString() })
    await repo.giveBackUses(tx.db, released)
    return released.length
  })
}

/**
 * Makes a cart's claimed uses its order's (`orderId`, placed in the same transaction) and returns
 * the order's promotion rows: the adjustments as they were, written by {@link insertOrderPromotions}
 * once the order row exists.
 */
export async function useClaimedPromotions(ctx: Ctx, cart: ClaimableCart, orderId: string): Promise<OrderPromotionRow[]> {
  await repo.markUsagesUsed(ctx.db, cart.id, orderId)
  const now = ctx.now().toISOString()
  const rows: OrderPromotionRow[] = []
  for (const a of cart.adjustments ?? []) {
    const promotion = await repo.findPromotion(ctx.db, a.promotion_id)
    rows.push({
      id: ctx.newId('ordpromo'),
      order_id: orderId,
      promotion_id: a.promotion_id,
      code: a.code,
      name: a.name,
      rule: promotion?.rule ?? { type: a.type },
      amount: a.amount,
      shipping_amount: a.shipping_amount,
      created_at: now,
    })
  }
  return rows
}

export type OrderPromotionRow = Parameters<typeof repo.insertOrderPromotions>[1][number]

/** Keeps the adjustments on the order (rows from {@link useClaimedPromotions}); nothing when there are none. */
export async function insertOrderPromotions(ctx: Ctx, rows: OrderPromotionRow[]): Promise<void> {
  await repo.insertOrderPromotions(ctx.db, rows)
}
