import type { KassaEvent } from './event.service.js'

/**
 * Events that stay inside the engine: subscribers (notifications) receive them, webhooks never do.
 * They carry secrets meant for one person (a password reset or email verification token). A type
 * is internal when it is listed here or starts with `internal.`; see docs/events/README.md.
 */
export const INTERNAL_EVENT_TYPES: readonly string[] = ['customer.password_reset_requested', 'customer.verification_requested']

export function isInternalEvent(type: string): boolean {
  return type.startsWith('internal.') || INTERNAL_EVENT_TYPES.includes(type)
}

/** An event type as the catalogue names them: `area.verb` in lowercase (`order.placed`). */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/

/**
 * The record an event is about, for delivery in order per entity: `order_id`, then `id`, then the
 * first `*_id` field of the payload.
 */
export function entityIdOf(event: Pick<KassaEvent, 'type' | 'data' | 'id'>): string {
  const data = event.data as Record<string, unknown>
  for (const key of ['order_id', 'id']) if (typeof data[key] === 'string') return data[key] as string
  const other = Object.keys(data).find((k) => k.endsWith('_id') && typeof data[k] === 'string')
  return other ? (data[other] as string) : event.id
}
