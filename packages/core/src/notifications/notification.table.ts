import type { Timestamp } from '../catalog/catalog.table.js'

export interface NotificationTable {
  id: string
  provider_id: string
  to: string
  template: string
  locale: string
  subject: string
  text: string
  event_id: string | null
  created_at: Timestamp
}

export interface NotificationTables {
  notification: NotificationTable
}
