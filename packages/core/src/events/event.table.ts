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
