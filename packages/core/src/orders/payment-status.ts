import { defineError } from '../kernel/errors.js'
import type { StateMachine } from './state-machine.js'

export const PAYMENT_STATUSES = [
  'awaiting',
  'authorized',
  'partially_captured',
  'captured',
  'partially_refunded',
  'refunded',
  'canceled',
] as const
/** An order's payment: awaited (manual), authorized, captured in part or whole, refunded in part or whole, or voided. */
export type PaymentLifecycleStatus = (typeof PAYMENT_STATUSES)[number]

/** A self-loop is a further partial capture or refund that leaves the status as it was. */
export const paymentStatusMachine: StateMachine<PaymentLifecycleStatus> = {
  states: PAYMENT_STATUSES,
  transitions: {
    awaiting: ['partially_captured', 'captured', 'canceled'],
    authorized: ['partially_captured', 'captured', 'canceled'],
    partially_captured: ['partially_captured', 'captured', 'partially_refunded', 'refunded'],
    captured: ['partially_refunded', 'refunded'],
    partially_refunded: ['partially_refunded', 'refunded'],
    refunded: [],
    canceled: [],
  },
  error: defineError(
    'order.payment_invalid_transition',
    'conflict',
    (from: string, to: string) => `An order's payment cannot go from ${from} to ${to}`,
  ),
}

/**
 * The payment status that the amounts imply. Amounts are minor units; `before` is the status the
 * order had, which decides between `awaiting` and `authorized` while nothing is captured.
 */
export function paymentStatusOf(
  amounts: { total: bigint; captured: bigint; refunded: bigint },
  before: PaymentLifecycleStatus,
): PaymentLifecycleStatus {
  if (amounts.refunded > 0n) return amounts.refunded >= amounts.captured ? 'refunded' : 'partially_refunded'
  if (amounts.captured > 0n) return amounts.captured >= amounts.total ? 'captured' : 'partially_captured'
  return before
}
