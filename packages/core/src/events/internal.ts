/**
 * Event types that stay inside the shop: they carry secrets meant for one person (a password reset
 * or email verification token) and are consumed by notification senders only. Webhook delivery
 * must skip every type for which {@link isInternalEvent} is true.
 */
export const INTERNAL_EVENT_TYPES: ReadonlySet<string> = new Set(['customer.password_reset_requested', 'customer.verification_requested'])

export function isInternalEvent(type: string): boolean {
  return INTERNAL_EVENT_TYPES.has(type)
}
