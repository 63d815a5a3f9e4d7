import { ANY_ADMIN, type AuthzTable, MANAGERS } from './table.js'

/** Webhooks and the notification log: every admin reads them, owner and manager change them. */
export const WEBHOOKS_TABLE: AuthzTable = {
  adminListWebhooks: ANY_ADMIN,
  adminGetWebhook: ANY_ADMIN,
  adminListWebhookDeliveries: ANY_ADMIN,
  adminCreateWebhook: MANAGERS,
  adminUpdateWebhook: MANAGERS,
  adminDeleteWebhook: MANAGERS,
  adminReplayWebhookEvent: MANAGERS,
  adminReplayWebhookDelivery: MANAGERS,
  adminListNotifications: ANY_ADMIN,
}
