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
    if (cart.customer_id !== null) return null
    const now = tx.now().toISOString()
    const claimed = await tx.db
      .updateTable('cart')
      .set({ customer_id: customerId, updated_at: now })
      .where('id', '=', cartId)
      .where('customer_id', 'is', null)
      .where('status', '=', 'open')
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) !== 1) return null
    const older = await tx.db
      .selectFrom('cart')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('status', '=', 'open')
      .where('sales_channel_id', '=', cart.sales_channel_id)
      .where('currency_code', '=', cart.currency_code)
      .where('id', '!=', cartId)
      .execute()
    for (const { id } of older) {
      const lines = await tx.db.selectFrom('cart_line').select(['variant_id', 'quantity']).where('cart_id', '=', id).orderBy('created_at').execute()
      for (const line of lines) {
        const existing = await repo.findLineByVariant(tx.db, cartId, line.variant_id)
        if (existing) {
          await repo.setLineQuantity(tx.db, existing.id, Math.min(Number(existing.quantity) + Number(line.quantity), MAX_LINE_QUANTITY), now)
        } else if ((await repo.countLines(tx.db, cartId)) < MAX_CART_LINES) {
          await repo.insertLine(tx.db, { id: tx.newId('cali'), cart_id: cartId, variant_id: line.variant_id, quantity: Number(line.quantity), now })
        }
      }
      await tx.db.deleteFrom('cart').where('id', '=', id).where('status', '=', 'open').execute()
    }
    return cartId
  })
}

/** The newest open cart of a customer in a channel, if any. */
export async function findOpenCustomerCart(ctx: Ctx, customerId: string, salesChannelId: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('cart')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('status', '=', 'open')
    .where('sales_channel_id', '=', salesChannelId)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst()
  return row?.id ?? null
}
