import { z } from '@hono/zod-openapi'

const dateTime = z.string().openapi({ format: 'date-time' })

export const WebhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()).openapi({ description: 'Event types (docs/events/), or `*` for every public event' }),
    description: z.string().nullable(),
    active: z.boolean(),
    created_at: dateTime,
    updated_at: dateTime,
  })
  .openapi('WebhookEndpoint')

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({ description: '`whsec_` + base64: verifies the `webhook-signature` header. Shown only in this answer.' }),
}).openapi('WebhookEndpointWithSecret')

export const WebhookDeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'The `webhook-id` header: the same on every retry of this delivery' }),
    endpoint_id: z.string(),
    event_id: z.string(),
    event_type: z.string(),
    origin: z.enum(['event', 'replay']),
    status: z.enum(['pending', 'delivering', 'succeeded', 'dead']),
    attempts: z.number().int(),
    next_attempt_at: dateTime.nullable(),
    response_status: z.number().int().nullable().openapi({ description: 'HTTP status of the last attempt; null when it got no answer' }),
    last_error: z.string().nullable(),
    delivered_at: dateTime.nullable(),
    created_at: dateTime,
  })
  .openapi('WebhookDelivery')

export const NotificationSchema = z
  .object({
    id: z.string(),
    provider_id: z.string(),
    to: z.string(),
    template: z.string(),
    locale: z.string(),
    subject: z.string(),
    text: z.string(),
    event_id: z.string().nullable(),
    created_at: dateTime,
  })
  .openapi('Notification')
