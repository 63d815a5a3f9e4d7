import { z } from 'zod'
import { EVENT_TYPE_PATTERN } from '../events/event-types.js'
import { defineError } from '../kernel/errors.js'

const eventTypeSchema = z.union([z.literal('*'), z.string().max(100).regex(EVENT_TYPE_PATTERN, 'an event type like order.placed, or *')])
export const webhookSecretSchema = z
  .string()
  .max(200)
  .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, 'whsec_ followed by at least 24 bytes in base64')

const fields = {
  url: z.url({ protocol: /^https?$/ }).max(2000),
  events: z
    .array(eventTypeSchema)
    .min(1)
    .max(100)
    .refine((types) => new Set(types).size === types.length, 'an event type listed twice'),
  description: z.string().max(500).nullable().optional(),
  active: z.boolean().optional(),
}

export const webhookCreateSchema = z.strictObject({ ...fields, secret: webhookSecretSchema.optional() })
export const webhookUpdateSchema = z.strictObject({ ...fields, secret: webhookSecretSchema }).partial()
export const webhookReplaySchema = z.strictObject({ event_id: z.string().min(1).max(64) })

export type CreateWebhookInput = z.infer<typeof webhookCreateSchema>
export type UpdateWebhookInput = z.infer<typeof webhookUpdateSchema>

/** Where and what a shop's integration wants to hear about. The secret is shown once, at creation. */
export interface WebhookEndpoint {
  id: string
  url: string
  /** Event types, or `*` for every public event. */
  events: string[]
  description: string | null
  active: boolean
  created_at: string
  updated_at: string
}

export type WebhookDeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'dead'

/** One event on its way to one endpoint; `id` is the `webhook-id` header, the same on every retry. */
export interface WebhookDelivery {
  id: string
  endpoint_id: string
  event_id: string
  event_type: string
  origin: 'event' | 'replay'
  status: WebhookDeliveryStatus
  attempts: number
  next_attempt_at: string | null
  response_status: number | null
  last_error: string | null
  delivered_at: string | null
  created_at: string
}

export const WebhookErrors = {
  notFound: defineError('webhook.not_found', 'not_found', (id: string) => `Webhook endpoint ${id} not found`),
  deliveryNotFound: defineError('webhook.delivery_not_found', 'not_found', (id: string) => `Webhook delivery ${id} not found`),
  eventNotFound: defineError('webhook.event_not_found', 'not_found', (id: string) => `Event ${id} not found or not one webhooks carry`),
}
