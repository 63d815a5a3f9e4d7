import type { ResolvedConfig } from './config/config.js'
import type { ProviderRegistry } from './config/providers.js'
import type { EventSubscribers } from './events/subscribers.js'
import { type NotificationSettings, sendOrderConfirmation, sendPasswordReset, sendShippingConfirmation } from './notifications/index.js'
import { fanOutEvent, WEBHOOK_FANOUT_CONSUMER } from './webhooks/index.js'

/**
 * The engine's own subscribers: the webhook fan-out (every public event becomes deliveries) and
 * the notifications. Their consumer names are their checkpoints: keep them stable.
 */
export function registerBuiltInSubscribers(events: EventSubscribers, config: ResolvedConfig, providers: ProviderRegistry): void {
  const custom = providers.list('notification').find((p) => p.id !== 'database' && p.id !== 'smtp')
  const settings: NotificationSettings = {
    providerId: config.smtpUrl ? 'smtp' : (custom?.id ?? 'database'),
    defaultLocale: config.locales[0] ?? 'en',
    passwordResetUrl: config.passwordResetUrl,
  }
  events.subscribe('*', async (event, ctx) => void (await fanOutEvent(ctx, event)), { consumer: WEBHOOK_FANOUT_CONSUMER })
  events.subscribe('order.placed', (event, ctx) => sendOrderConfirmation(ctx, settings, event), { consumer: 'notifications.order_confirmation' })
  events.subscribe('order.shipped', (event, ctx) => sendShippingConfirmation(ctx, settings, event), { consumer: 'notifications.shipping_confirmation' })
  events.subscribe('customer.password_reset_requested', (event, ctx) => sendPasswordReset(ctx, settings, event), {
    consumer: 'notifications.password_reset',
  })
}
