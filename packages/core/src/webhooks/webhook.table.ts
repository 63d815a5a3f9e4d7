import type { Bool, Json, Timestamp } from '../catalog/catalog.table.js'
import type { WebhookDeliveryStatus } from './webhook.js'

export interface WebhookEndpointTable {
  id: string
  url: string
  events: Json
  secret: string
  description: string | null
  active: Bool
  created_at: Timestamp
  updated_at: Timestamp
}

export interface WebhookDeliveryTable {
  id: string
  endpoint_id: string
  event_id: string
  event_type: string
  event_created_at: Timestamp
  entity_id: string
  origin: 'event' | 'replay'
  status: WebhookDeliveryStatus
  attempts: number
  next_attempt_at: Timestamp
  lease_until: Timestamp | null
  response_status: number | null
  last_error: string | null
  delivered_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface WebhookTables {
  webhook_endpoint: WebhookEndpointTable
  webhook_delivery: WebhookDeliveryTable
}
