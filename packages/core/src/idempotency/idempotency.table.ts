import type { Timestamp } from '../catalog/catalog.table.js'

export interface IdempotencyKeyTable {
  scope: string
  key: string
  request_hash: string
  status: 'in_flight' | 'done'
  response_status: number | null
  response_body: string | null
  locked_at: Timestamp
  created_at: Timestamp
}

export interface IdempotencyTables {
  idempotency_key: IdempotencyKeyTable
}
