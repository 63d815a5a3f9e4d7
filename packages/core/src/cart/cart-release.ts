import { releaseReservations } from '../inventory/index.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { releasePromotionUses } from '../promotions/index.js'
import * as repo from './cart.repository.js'
import { findPaymentProvider } from './payment-provider.js'

/**
 * Gives up a completion that waits for the buyer to confirm a payment: the stock goes back, the
 * provider's authorization is canceled and the cart is open again (it then needs a new payment).
 * A no-op when the cart was not waiting.
 */
export async function abandonPendingPayment(ctx: Ctx, cartId: string): Promise<void> {
  const payment = await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString()
    if (!(await repo.moveCartStatus(tx.db, cartId, 'requires_action', 'open', now))) return undefined
    await releaseReservations(tx, cartId)
    await releasePromotionUses(tx, cartId)
    const session = await repo.findPaymentSession(tx.db, cartId)
    if (session) await repo.updatePaymentSession(tx.db, session.id, { status: 'canceled', now })
    return session
  })
  if (payment?.provider_ref) await cancelQuietly(ctx, payment.provider_id, payment.provider_ref)
}

/** Cancels an authorization at the provider; a failure there is left to the provider's own expiry. */
export async function cancelQuietly(ctx: Ctx, providerId: string, providerRef: string): Promise<void> {
  try {
    await findPaymentProvider(ctx, providerId)?.cancel({ provider_ref: providerRef })
  } catch {
    // Authorizations that are never captured lapse at the provider; nothing was charged.
  }
}
