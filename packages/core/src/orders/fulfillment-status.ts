import { defineError } from '../kernel/errors.js'
import type { StateMachine } from './state-machine.js'

export const FULFILLMENT_STATUSES = [
  'not_fulfilled',
  'partially_fulfilled',
  'fulfilled',
  'partially_shipped',
  'shipped',
  'delivered',
  'partially_returned',
  'returned',
] as const
/** How far an order's goods have gone: picked and packed, shipped, delivered, returned. */
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number]

export const fulfillmentStatusMachine: StateMachine<FulfillmentStatus> = {
  states: FULFILLMENT_STATUSES,
  transitions: {
    not_fulfilled: ['partially_fulfilled', 'fulfilled'],
    partially_fulfilled: ['partially_fulfilled', 'fulfilled', 'partially_shipped'],
    fulfilled: ['partially_shipped', 'shipped'],
    partially_shipped: ['partially_shipped', 'shipped', 'partially_returned'],
    shipped: ['shipped', 'delivered', 'partially_returned', 'returned'],
    delivered: ['partially_returned', 'returned'],
    partially_returned: ['partially_returned', 'returned'],
    returned: [],
  },
  error: defineError(
    'order.fulfillment_invalid_transition',
    'conflict',
    (from: string, to: string) => `An order's fulfillment cannot go from ${from} to ${to}`,
  ),
}

/** Units of all lines together: ordered, and how many of them are fulfilled, shipped, delivered, returned. */
export interface FulfillmentCounts {
  ordered: number
  fulfilled: number
  shipped: number
  delivered: number
  returned: number
}

/** The fulfillment status that the per-line counts imply. */
export function fulfillmentStatusOf(c: FulfillmentCounts): FulfillmentStatus {
  if (c.returned > 0) return c.returned >= c.ordered ? 'returned' : 'partially_returned'
  if (c.delivered > 0 && c.delivered >= c.ordered) return 'delivered'
  if (c.shipped > 0) return c.shipped >= c.ordered ? 'shipped' : 'partially_shipped'
  if (c.fulfilled > 0) return c.fulfilled >= c.ordered ? 'fulfilled' : 'partially_fulfilled'
  return 'not_fulfilled'
}
