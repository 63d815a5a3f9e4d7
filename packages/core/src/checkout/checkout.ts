import { z } from 'zod'
import { defineError, KassaError } from '../kernel/errors.js'

/** How long a completion may hold its claim before another caller may take it over (its process died). */
export const CLAIM_STALE_MS = 2 * 60_000
/** How long a concurrent caller waits for another caller's completion before answering 409. */
export const COMPLETION_WAIT_MS = 8_000

/** The total the buyer was shown (minor units): completion refuses any other with `cart.total_changed`. A guard only; the server prices. */
const expectedTotalSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional()

export const completeCartSchema = z.strictObject({ expected_total: expectedTotalSchema })
export type CartCompleteInput = z.input<typeof completeCartSchema>

export const paymentConfirmSchema = z.strictObject({
  data: z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).optional(),
  expected_total: expectedTotalSchema,
})
export type CartPaymentConfirmInput = z.input<typeof paymentConfirmSchema>

const declined = defineError(
  'payment.declined',
  'payment_required',
  (reason?: string) => `The payment was declined${reason ? `: ${reason}` : ''}`,
)

const totalChanged = defineError(
  'cart.total_changed',
  'conflict',
  (expected: number, total: number) => `The cart's total is now ${total}, not ${expected}: review the cart and complete it again`,
)

export const CheckoutErrors = {
  /** Carries `expected_total` and the current `total`. */
  totalChanged: Object.assign(
    (expected: number, total: number) =>
      new KassaError(totalChanged.code, totalChanged.kind, totalChanged(expected, total).message, { extra: { expected_total: expected, total } }),
    { code: totalChanged.code, kind: totalChanged.kind },
  ),
  /** Carries `reason` when the provider gave one. */
  declined: Object.assign(
    (reason?: string) => new KassaError(declined.code, declined.kind, declined(reason).message, reason ? { extra: { reason } } : {}),
    { code: declined.code, kind: declined.kind },
  ),
  requiresAction: defineError(
    'payment.requires_action',
    'payment_required',
    (cartId: string) => `The payment for cart ${cartId} needs the buyer's confirmation; then POST /store/carts/${cartId}/payment/confirm`,
  ),
  providerUnknown: defineError('payment.provider_unknown', 'invalid', (id: string) => `No payment provider ${id} is registered`),
  nothingToConfirm: defineError(
    'payment.nothing_to_confirm',
    'conflict',
    (cartId: string) => `Cart ${cartId} has no payment waiting for confirmation`,
  ),
}
