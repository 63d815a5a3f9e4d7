import { describe, expect, it } from 'vitest'
import { FULFILLMENT_STATUSES, fulfillmentStatusMachine, fulfillmentStatusOf } from './fulfillment-status.js'
import { ORDER_STATUSES, orderStatusMachine } from './order-status.js'
import { PAYMENT_STATUSES, paymentStatusMachine, paymentStatusOf } from './payment-status.js'
import { assertTransition, canTransition, type StateMachine } from './state-machine.js'

/** The legal moves, written out once more by hand: the tables in code must agree with them exactly. */
const LEGAL: Record<string, [StateMachine<string>, string[]]> = {
  order: [
    orderStatusMachine as StateMachine<string>,
    ['pending>completed', 'pending>canceled', 'completed>archived', 'canceled>archived'],
  ],
  payment: [
    paymentStatusMachine as StateMachine<string>,
    [
      'awaiting>partially_captured',
      'awaiting>captured',
      'awaiting>canceled',
      'authorized>partially_captured',
      'authorized>captured',
      'authorized>canceled',
      'partially_captured>partially_captured',
      'partially_captured>captured',
      'partially_captured>partially_refunded',
      'partially_captured>refunded',
      'captured>partially_refunded',
      'captured>refunded',
      'partially_refunded>partially_refunded',
      'partially_refunded>refunded',
    ],
  ],
  fulfillment: [
    fulfillmentStatusMachine as StateMachine<string>,
    [
      'not_fulfilled>partially_fulfilled',
      'not_fulfilled>fulfilled',
      'partially_fulfilled>partially_fulfilled',
      'partially_fulfilled>fulfilled',
      'partially_fulfilled>partially_shipped',
      'fulfilled>partially_shipped',
      'fulfilled>shipped',
      'partially_shipped>partially_shipped',
      'partially_shipped>shipped',
      'partially_shipped>partially_returned',
      'shipped>shipped',
      'shipped>delivered',
      'shipped>partially_returned',
      'shipped>returned',
      'delivered>partially_returned',
      'delivered>returned',
      'partially_returned>partially_returned',
      'partially_returned>returned',
    ],
  ],
}

const STATES = { order: ORDER_STATUSES, payment: PAYMENT_STATUSES, fulfillment: FULFILLMENT_STATUSES }
const CODES = { order: 'order.invalid_transition', payment: 'order.payment_invalid_transition', fulfillment: 'order.fulfillment_invalid_transition' }

for (const [name, [machine, legal]] of Object.entries(LEGAL)) {
  const states = STATES[name as keyof typeof STATES]
  const pairs = states.flatMap((from) => states.map((to) => [from, to, legal.includes(`${from}>${to}`)] as const))

  describe(`${name} status machine`, () => {
    it('lists every state once and a row for each', () => {
      expect(new Set(machine.states).size).toBe(states.length)
      expect(Object.keys(machine.transitions).sort()).toEqual([...states].sort())
    })

    it.each(pairs.filter(([, , ok]) => ok))('%s -> %s is legal', (from, to) => {
      expect(canTransition(machine, from, to)).toBe(true)
      expect(() => assertTransition(machine, from, to)).not.toThrow()
    })

    it.each(pairs.filter(([, , ok]) => !ok))('%s -> %s is a 409 naming both', (from, to) => {
      expect(canTransition(machine, from, to)).toBe(false)
      expect(() => assertTransition(machine, from, to)).toThrow(
        expect.objectContaining({ code: CODES[name as keyof typeof CODES], kind: 'conflict', extra: { from, to } }),
      )
    })
  })
}

describe('statuses implied by amounts and counts', () => {
  it.each([
    [{ total: 1000n, captured: 0n, refunded: 0n }, 'authorized', 'authorized'],
    [{ total: 1000n, captured: 0n, refunded: 0n }, 'awaiting', 'awaiting'],
    [{ total: 1000n, captured: 400n, refunded: 0n }, 'authorized', 'partially_captured'],
    [{ total: 1000n, captured: 1000n, refunded: 0n }, 'partially_captured', 'captured'],
    [{ total: 1000n, captured: 1000n, refunded: 1n }, 'captured', 'partially_refunded'],
    [{ total: 1000n, captured: 400n, refunded: 400n }, 'partially_captured', 'refunded'],
  ] as const)('%o from %s is %s', (amounts, before, expected) => {
    expect(paymentStatusOf(amounts, before)).toBe(expected)
  })

  it.each([
    [{ ordered: 3, fulfilled: 0, shipped: 0, delivered: 0, returned: 0 }, 'not_fulfilled'],
    [{ ordered: 3, fulfilled: 1, shipped: 0, delivered: 0, returned: 0 }, 'partially_fulfilled'],
    [{ ordered: 3, fulfilled: 3, shipped: 0, delivered: 0, returned: 0 }, 'fulfilled'],
    [{ ordered: 3, fulfilled: 3, shipped: 1, delivered: 0, returned: 0 }, 'partially_shipped'],
    [{ ordered: 3, fulfilled: 3, shipped: 3, delivered: 1, returned: 0 }, 'shipped'],
    [{ ordered: 3, fulfilled: 3, shipped: 3, delivered: 3, returned: 0 }, 'delivered'],
    [{ ordered: 3, fulfilled: 3, shipped: 3, delivered: 3, returned: 1 }, 'partially_returned'],
    [{ ordered: 3, fulfilled: 3, shipped: 3, delivered: 3, returned: 3 }, 'returned'],
  ] as const)('%o is %s', (counts, expected) => {
    expect(fulfillmentStatusOf(counts)).toBe(expected)
  })
})
