import type { PaymentProvider } from '../config/providers.js'
import type { Ctx } from '../kernel/ctx.js'

/** The registered payment provider with that id, if any. */
export function findPaymentProvider(ctx: Ctx, id: string): PaymentProvider | undefined {
  return ctx.providers?.get('payment', id)
}
