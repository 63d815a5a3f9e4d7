import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeTotals, type Totals, type TotalsInput } from './totals.js'

/**
 * Random carts against an oracle written separately here in BigInt: exact rationals, rounding
 * half-up once per line, largest-remainder split with ties to the earlier rate.
 */
const MILLION = 1_000_000n

// Rates as integers in hundredths of a basis point (0..100%), the unit the oracle computes in.
// Real rates (21%, 9%, 8.875%, 7.25%, 6.25%, 10%, 5%) make exact halves common, so rounding ties are hit.
const rateArb = fc.oneof(fc.constantFrom(210_000, 90_000, 88_750, 72_500, 62_500, 100_000, 50_000), fc.integer({ min: 0, max: 1_000_000 }))
const ratesArb = fc.array(rateArb, { maxLength: 4 })

const itemArb = fc.record({
  unit_price: fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 200 })),
  quantity: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 3 })),
  discount_per_mille: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 })),
  rates: ratesArb,
})

const cartArb = fc.record({
  currency_code: fc.constantFrom('JPY', 'EUR', 'USD', 'KWD'),
  tax_inclusive: fc.boolean(),
  items: fc.array(itemArb, { minLength: 1, maxLength: 8 }),
  shipping: fc.option(fc.record({ amount: fc.integer({ min: 0, max: 1_000_000_000 }), rates: ratesArb }), { nil: null }),
})

type Cart = typeof cartArb extends fc.Arbitrary<infer T> ? T : never

function toInput(cart: Cart): TotalsInput {
  const refs = (rates: number[]) => rates.map((c, i) => ({ rate_id: `txr_${i}`, name: `Rate ${i}`, rate_bps: c / 100 }))
  return {
    currency_code: cart.currency_code,
    tax_inclusive: cart.tax_inclusive,
    items: cart.items.map((item, i) => ({
      id: `line_${i}`,
      unit_price: item.unit_price,
      quantity: item.quantity,
      discount_total: Number((BigInt(item.unit_price) * BigInt(item.quantity) * BigInt(item.discount_per_mille)) / 1000n),
      tax_rates: refs(item.rates),
    })),
    shipping: cart.shipping && { amount: cart.shipping.amount, tax_rates: refs(cart.shipping.rates) },
  }
}

function oracleTax(amount: bigint, rates: bigint[], inclusive: boolean): { tax: bigint; parts: bigint[] } {
  const sum = rates.reduce((a, b) => a + b, 0n)
  if (sum === 0n) return { tax: 0n, parts: rates.map(() => 0n) }
  const num = amount * sum
  const den = inclusive ? MILLION + sum : MILLION
  const tax = num / den + (2n * (num % den) >= den ? 1n : 0n)
  const floors = rates.map((r) => (tax * r) / sum)
  const order = rates.map((r, i) => ({ i, rem: (tax * r) % sum })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1))
  let left = tax - floors.reduce((a, b) => a + b, 0n)
  for (const { i } of order) {
    if (left === 0n) break
    floors[i]! += 1n
    left -= 1n
  }
  return { tax, parts: floors }
}

function oracle(cart: Cart, input: TotalsInput) {
  const items = input.items.map((item, i) => {
    const subtotal = BigInt(item.unit_price) * BigInt(item.quantity)
    const taxed = subtotal - BigInt(item.discount_total ?? 0)
    const { tax, parts } = oracleTax(taxed, cart.items[i]!.rates.map(BigInt), cart.tax_inclusive)
    return { subtotal, tax, parts, total: cart.tax_inclusive ? taxed : taxed + tax }
  })
  const ship = cart.shipping
    ? oracleTax(BigInt(cart.shipping.amount), cart.shipping.rates.map(BigInt), cart.tax_inclusive)
    : { tax: 0n, parts: [] }
  const shippingTotal = cart.shipping ? BigInt(cart.shipping.amount) + (cart.tax_inclusive ? 0n : ship.tax) : 0n
  const sum = (f: (i: (typeof items)[number]) => bigint) => items.reduce((a, i) => a + f(i), 0n)
  return { items, shippingTax: ship.tax, shippingTotal, taxTotal: sum((i) => i.tax) + ship.tax, total: sum((i) => i.total) + shippingTotal }
}

const big = (n: number) => BigInt(n)

function checkInvariants(totals: Totals): void {
  for (const item of totals.items) {
    expect(item.tax_lines.reduce((a, l) => a + big(l.amount), 0n)).toBe(big(item.tax_total))
    for (const value of [item.subtotal, item.discount_total, item.tax_total, item.total, ...item.tax_lines.map((l) => l.amount)]) {
      expect(Number.isSafeInteger(value) && value >= 0).toBe(true)
    }
  }
  expect(totals.items.reduce((a, i) => a + big(i.total), 0n) + big(totals.shipping_total)).toBe(big(totals.total))
  expect(totals.items.reduce((a, i) => a + big(i.tax_total), 0n) + big(totals.shipping_tax_total)).toBe(big(totals.tax_total))
  for (const value of [
    totals.subtotal,
    totals.discount_total,
    totals.shipping_total,
    totals.shipping_tax_total,
    totals.tax_total,
    totals.total,
  ]) {
    expect(Number.isSafeInteger(value) && value >= 0).toBe(true)
  }
}

describe('computeTotals properties', () => {
  it('matches the BigInt oracle on every line, tax line and total', () => {
    fc.assert(
      fc.property(cartArb, (cart) => {
        const input = toInput(cart)
        const totals = computeTotals(input)
        const expected = oracle(cart, input)
        totals.items.forEach((item, i) => {
          const want = expected.items[i]!
          expect(big(item.subtotal)).toBe(want.subtotal)
          expect(big(item.tax_total)).toBe(want.tax)
          expect(item.tax_lines.map((l) => big(l.amount))).toEqual(want.parts)
          expect(big(item.total)).toBe(want.total)
        })
        expect(big(totals.shipping_tax_total)).toBe(expected.shippingTax)
        expect(big(totals.shipping_total)).toBe(expected.shippingTotal)
        expect(big(totals.tax_total)).toBe(expected.taxTotal)
        expect(big(totals.total)).toBe(expected.total)
      }),
      { numRuns: 500 },
    )
  })

  it('items plus shipping make the total, tax lines make the tax, nothing is negative', () => {
    fc.assert(
      fc.property(cartArb, (cart) => checkInvariants(computeTotals(toInput(cart)))),
      { numRuns: 500 },
    )
  })

  it('inclusive: a line costs what it shows; exclusive: what it shows plus its tax', () => {
    fc.assert(
      fc.property(cartArb, (cart) => {
        const totals = computeTotals(toInput(cart))
        for (const item of totals.items) {
          const shown = item.subtotal - item.discount_total
          expect(item.total).toBe(cart.tax_inclusive ? shown : shown + item.tax_total)
          if (cart.tax_inclusive) expect(item.tax_total).toBeLessThanOrEqual(shown)
        }
      }),
      { numRuns: 300 },
    )
  })
})
