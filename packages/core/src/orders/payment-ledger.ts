/**
 * The arithmetic of an order's payment, pure and exact: amounts in minor units, sums in BigInt.
 * Captures never exceed the order total; refunds never exceed what was captured minus what was
 * refunded before.
 */
export interface PaymentAmounts {
  total: bigint
  captured: bigint
  refunded: bigint
}

export function capturable(a: PaymentAmounts): bigint {
  return a.total > a.captured ? a.total - a.captured : 0n
}

export function refundable(a: PaymentAmounts): bigint {
  return a.captured - a.refunded
}

/** The amounts after capturing `amount`, or undefined when that is more than can be captured (or not positive). */
export function afterCapture(a: PaymentAmounts, amount: bigint): PaymentAmounts | undefined {
  if (amount <= 0n || amount > capturable(a)) return undefined
  return { ...a, captured: a.captured + amount }
}

/** The amounts after refunding `amount`, or undefined when that is more than can be refunded (or not positive). */
export function afterRefund(a: PaymentAmounts, amount: bigint): PaymentAmounts | undefined {
  if (amount <= 0n || amount > refundable(a)) return undefined
  return { ...a, refunded: a.refunded + amount }
}

/**
 * What `quantity` units of a line are worth: its total (after discounts, with tax as charged)
 * shared out per unit. Whole lines are exact; a part rounds down, so the parts of a line never
 * sum above it.
 */
export function lineShare(line: { total: number; quantity: number }, quantity: number): bigint {
  return (BigInt(line.total) * BigInt(quantity)) / BigInt(line.quantity)
}
