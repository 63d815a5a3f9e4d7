import { createWebhookEndpoint, newWebhookSecret, recordEvent, replayWebhookEvent } from '@kassa/core'
import type { TestApi } from '../helpers.js'
import type { BadCase } from './generate.js'
import type { Fixtures, ValidRequest } from './requests.js'

/** Endpoints, an event and a delivery the webhook operations act on. */
export interface WebhookFixtures {
  endpointId: string
  doomedEndpointId: string
  eventId: string
  deliveryId: string
}

export async function createWebhookFixtures(api: TestApi): Promise<WebhookFixtures> {
  const ctx = api.commerce.ctx()
  const guard = { allowPrivate: true }
  const endpoint = await createWebhookEndpoint(ctx, { url: 'https://hooks.example.com/fixture', events: ['order.placed'] }, guard)
  const doomed = await createWebhookEndpoint(ctx, { url: 'https://hooks.example.com/doomed', events: ['*'] }, guard)
  const eventId = await recordEvent(ctx, 'order.placed', { id: 'ord_fixture', number: 1 })
  const delivery = await replayWebhookEvent(ctx, endpoint.id, eventId)
  return { endpointId: endpoint.id, doomedEndpointId: doomed.id, eventId, deliveryId: delivery.id }
}

const secret = newWebhookSecret()

export const WEBHOOK_REQUESTS: Record<string, (f: Fixtures) => ValidRequest> = {
  adminListWebhooks: () => ({}),
  adminCreateWebhook: () => ({
    body: { url: 'https://hooks.example.com/valid', events: ['order.placed', 'cart.completed'], secret, description: 'ERP', active: true },
  }),
  adminGetWebhook: (f) => ({ path: { id: f.webhooks.endpointId } }),
  adminUpdateWebhook: (f) => ({
    path: { id: f.webhooks.endpointId },
    body: { url: 'https://hooks.example.com/moved', events: ['*'], secret, description: null, active: false },
  }),
  adminDeleteWebhook: (f) => ({ path: { id: f.webhooks.doomedEndpointId } }),
  adminListWebhookDeliveries: (f) => ({ path: { id: f.webhooks.endpointId }, query: { limit: '10', status: 'pending' } }),
  adminReplayWebhookEvent: (f) => ({ path: { id: f.webhooks.endpointId }, body: { event_id: f.webhooks.eventId } }),
  adminReplayWebhookDelivery: (f) => ({ path: { id: f.webhooks.deliveryId } }),
  adminListNotifications: () => ({ query: { limit: '10', to: 'buyer@example.com', template: 'order_confirmation' } }),
}

const body = (label: string, at: (string | number)[], value: unknown, path = at.join('.'), code?: string): BadCase => ({
  label: `body ${at.join('.')}: ${label}`,
  mutation: { in: 'body', at, set: () => value },
  expect: { path, ...(code && { code }) },
})
const eventCases = [
  body('the same type twice', ['events'], ['order.placed', 'order.placed']),
  body('not an event type', ['events', 0], 'Order Placed'),
  body('an internal event', ['events', 0], 'customer.password_reset_requested', 'events.0', 'internal_event'),
]
const urlCases = [
  body('not http(s)', ['url'], 'ftp://hooks.example.com/x'),
  body('credentials in the URL', ['url'], 'https://user:pass@hooks.example.com/x'),
]

/** Rules of the webhook operations that the JSON Schema cannot state. */
export const WEBHOOK_SEMANTIC_CASES: Record<string, BadCase[]> = {
  adminCreateWebhook: [...eventCases, ...urlCases, body('not whsec_ + base64', ['secret'], 'whsec_short')],
  adminUpdateWebhook: [...eventCases, ...urlCases],
}
