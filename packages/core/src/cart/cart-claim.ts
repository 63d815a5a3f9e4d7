import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './cart.js'
import * as repo from './cart.repository.js'

/**
 * Makes an open guest cart the customer's on login. An open cart the customer already had in the
 * same channel and currency is merged into it (quantities summed per variant, capped per line)
 * and removed, so the customer keeps one cart. Answers the customer's cart id, or null when the
 * cart cannot be taken (unknown, another channel, not open, someone else's).
 */
export async function claimGuestCart(ctx: Ctx, cartId: string, customerId: string): Promise<string | null> {
  return inTransaction(ctx, async (tx) => {
    const cart = await repo.findCartRow(tx.db, cartId)
    if (!cart || cart.status !== 'open' || (tx.channel && cart.sales_channel_id !== tx.channel.id)) return null
    if (cart.customer_id === customerId) return cart.id
    const now = tx.now().toISOString()
    if (!(await repo.claimCartRow(tx.db, cartId, customerId, now))) return null
    const older = await repo.findOpenCustomerCarts(tx.db, {
      customerId,
      salesChannelId: cart.sales_channel_id,
      currencyCode: cart.currency_code,
      exceptId: cartId,
    })
    for (const id of older) {
      for (const line of await repo.findLineQuantities(tx.db, id)) {
        const existing = await repo.findLineByVariant(tx.db, cartId, line.variant_id)
        if (existing) {
          await repo.setLineQuantity(tx.db, existing.id, Math.min(Number(existing.quantity) + line.quantity, MAX_LINE_QUANTITY), now)
        } else if ((await repo.countLines(tx.db, cartId)) < MAX_CART_LINES) {
          await repo.insertLine(tx.db, { id: tx.newId('cali'), cart_id: cartId, variant_id: line.variant_id, quantity: line.quantity, now })
        }
      }
      await repo.deleteOpenCart(tx.db, id)
    }
    return cartId
  })
}
