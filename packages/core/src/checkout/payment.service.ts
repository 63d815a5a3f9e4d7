import {
  type Cart,
  editCart,
  findPaymentProvider,
  type PaymentSessionInput,
  paymentSessionSchema,
  replacePaymentSession,
} from '../cart/index.js'
import type { Ctx } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import { CheckoutErrors } from './checkout.js'

/**
 * Creates the cart's payment session, replacing any earlier one. Only the provider's token is
 * kept (for the authorization at completion); card data never reaches Kassa.
 */
export async function setPaymentSession(ctx: Ctx, cartId: string, rawInput: PaymentSessionInput): Promise<Cart> {
  const input = parseInput(paymentSessionSchema, rawInput)
  if (!findPaymentProvider(ctx, input.provider_id)) throw CheckoutErrors.providerUnknown(input.provider_id)
  return editCart(ctx, cartId, async (tx) => ({
    payment: await replacePaymentSession(tx.db, {
      id: tx.newId('paysess'),
      cart_id: cartId,
      provider_id: input.provider_id,
      token: input.data?.token ?? null,
      now: tx.now().toISOString(),
    }),
  }))
}
