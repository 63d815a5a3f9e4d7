/** A message as a notification provider receives it: rendered, addressed, in one locale. */
export interface NotificationMessage {
  to: string
  template: NotificationTemplate
  locale: string
  subject: string
  text: string
  /** The values the template was rendered with. */
  data: Record<string, unknown>
  /** The event that caused the message, when one did. */
  event_id?: string
}

export type NotificationTemplate = 'order_confirmation' | 'shipping_confirmation' | 'password_reset'

/** A message the built-in `database` provider kept (development and tests: nothing leaves the machine). */
export interface StoredNotification {
  id: string
  provider_id: string
  to: string
  template: string
  locale: string
  subject: string
  text: string
  event_id: string | null
  created_at: string
}
