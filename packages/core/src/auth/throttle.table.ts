import type { Timestamp } from '../catalog/catalog.table.js'

/** One throttled key (`customer:<email>`, `ip:<address>`...): attempts so far and when the next may run. */
export interface AuthThrottleTable {
  key: string
  attempts: number
  next_allowed_at: Timestamp
  updated_at: Timestamp
}

export interface ThrottleTables {
  auth_throttle: AuthThrottleTable
}
