import type { Json, Timestamp } from '../catalog/catalog.table.js'

export interface EventOutboxTable {
  id: string
  type: string
  version: number
  data: Json
  created_at: Timestamp
  published_at: Timestamp | null
}

export interface EventTables {
  event_outbox: EventOutboxTable
}

export interface EventConsumerTable {
  name: string
  checkpoint: Timestamp
  updated_at: Timestamp
}

export interface EventReceiptTable {
  consumer: string
  event_id: string
  status: 'processing' | 'failed' | 'done' | 'dead'
  attempts: number
  lease_until: Timestamp | null
  next_attempt_at: Timestamp | null
  last_error: string | null
  updated_at: Timestamp
}

export interface EventDeliveryTables {
  event_consumer: EventConsumerTable
  event_receipt: EventReceiptTable
}
