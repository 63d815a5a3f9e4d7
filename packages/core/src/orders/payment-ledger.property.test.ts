import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { afterCapture, afterRefund, capturable, lineShare, type PaymentAmounts, refundable } from './payment-ledger.js'

const step = fc.oneof(
  fc.record({ kind: fc.constant('capture' as const), amount: fc.bigInt({ min: -5n, max: 2_000_000n }) }),
  fc.record({ kind: fc.constant('refund' as const), amount: fc.bigInt({ min: -5n, max: 2_000_000n }) }),
)

describe('payment ledger', () => {
  it('over random partial captures and refunds: sums exact, never above the total or the captured amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_007_199_254_740_991n }), fc.array(step, { maxLength: 60 }), (total, steps) => {
        let a: PaymentAmounts = { total, captured: 0n, refunded: 0n }
        let capturedSum = 0n
        let refundedSum = 0n
        for (const s of steps) {
          const next = s.kind === 'capture' ? afterCapture(a, s.amount) : afterRefund(a, s.amount)
          const allowed = s.amount > 0n && s.amount <= (s.kind === 'capture' ? capturable(a) : refundable(a))
          expect(next !== undefined).toBe(allowed)
          if (!next) continue
          if (s.kind === 'capture') capturedSum += s.amount
          else refundedSum += s.amount
          a = next
          expect(a.captured).toBe(capturedSum)
          expect(a.refunded).toBe(refundedSum)
          expect(a.captured <= a.total).toBe(true)
          expect(a.refunded <= a.captured).toBe(true)
        }
        // What is left to capture or refund is exactly the difference.
        expect(capturable(a) + a.captured).toBe(a.total > a.captured ? a.total : a.captured)
        expect(refundable(a) + a.refunded).toBe(a.captured)
      }),
    )
  })

  it('refunding a line unit by unit never sums above the line, and whole lines are exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 1000 }), (total, quantity) => {
        const line = { total, quantity }
        let sum = 0n
        for (let i = 0; i < quantity; i++) sum += lineShare(line, 1)
        expect(sum <= BigInt(total)).toBe(true)
        expect(lineShare(line, quantity)).toBe(BigInt(total))
      }),
    )
  })
})
