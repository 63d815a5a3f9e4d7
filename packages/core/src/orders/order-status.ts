import { defineError } from '../kernel/errors.js'
import type { StateMachine } from './state-machine.js'

export const ORDER_STATUSES = ['pending', 'completed', 'canceled', 'archived'] as const
/** Where an order stands as a whole: open, done (paid and fulfilled), canceled, or archived out of the way. */
export type OrderLifecycleStatus = (typeof ORDER_STATUSES)[number]

export const orderStatusMachine: StateMachine<OrderLifecycleStatus> = {
  states: ORDER_STATUSES,
  transitions: {
    pending: ['completed', 'canceled'],
    completed: ['archived'],
    canceled: ['archived'],
    archived: [],
  },
  error: defineError('order.invalid_transition', 'conflict', (from: string, to: string) => `An order cannot go from ${from} to ${to}`),
}
