import { describe, expect, it } from 'vitest'
import { allocate } from '../kernel/money.js'
import { computeTotals, rateToPpm, type TotalsInput } from './totals.js'

const vat = (rate_bps: number, name = 'VAT', rate_id: string | null = 'txr_1') => ({ rate_id, name, rate_bps })
const one = (
  tax_inclusive: boolean,
  unit_price: number,
  rates: ReturnType<typeof vat>[],
  extra: { quantity?: number; discount_total?: number } = {},
): TotalsInput => ({
  currency_code: 'EUR',
  tax_inclusive,
  items: [{ id: 'l1', unit_price, quantity: extra.quantity ?? 1, discount_total: extra.discount_total ?? 0, tax_rates: rates }],
  shipping: null,
})

describe('computeTotals: one line', () => {
  it.each([
    // label, inclusive, unit price, quantity, discount, rates, tax, line total
    ['NL 21% inclusive: 12.10 holds 2.10 VAT', true, 1210, 1, 0, [vat(2100)], 210, 1210],
    ['NL 9% books inclusive: 10.90 holds 0.90', true, 1090, 1, 0, [vat(900)], 90, 1090],
    ['NL 21% inclusive, 3 x 9.99', true, 999, 3, 0, [vat(2100)], 520, 2997], // 2997 * 21/121 = 520.14
    ['NL 21% inclusive, rounding half-up at .5', true, 121, 1, 0, [vat(2100)], 21, 121],
    ['US NY 8.875% exclusive: 100.00 + 8.88', false, 10000, 1, 0, [vat(887.5, 'NY')], 888, 10888], // 887.5 exactly -> up
    ['US CA 7.25% exclusive: 19.99', false, 1999, 1, 0, [vat(725, 'CA')], 145, 2144], // 144.93
    ['US TX 6.25% exclusive, 2 x 0.10', false, 10, 2, 0, [vat(625, 'TX')], 1, 21], // 1.25
    ['US exclusive, 0.08 at 6.25% rounds 0.5 up', false, 8, 1, 0, [vat(625)], 1, 9], // 0.5 -> 1
    ['JP 10% inclusive in yen', true, 1100, 1, 0, [vat(1000, 'JCT')], 100, 1100],
    ['JP 10% inclusive, 999 yen', true, 999, 1, 0, [vat(1000, 'JCT')], 91, 999], // 90.82
    ['no rates: no tax', false, 5000, 2, 0, [], 0, 10000],
    ['inclusive, discount lowers the taxed amount', true, 1210, 1, 121, [vat(2100)], 189, 1089],
    ['exclusive, discount lowers the taxed amount', false, 10000, 1, 1000, [vat(887.5)], 799, 9799], // 798.75
    ['a fully discounted line', false, 1000, 1, 1000, [vat(2100)], 0, 0],
  ] as const)('%s', (_, inclusive, price, quantity, discount, rates, tax, total) => {
    const totals = computeTotals(one(inclusive, price, [...rates], { quantity, discount_total: discount }))
    expect(totals.items[0]).toMatchObject({ subtotal: price * quantity, discount_total: discount, tax_total: tax, total })
    expect(totals.items[0]!.tax_lines.reduce((a, l) => a + l.amount, 0)).toBe(tax)
    expect(totals).toMatchObject({ subtotal: price * quantity, discount_total: discount, tax_total: tax, total, shipping_total: 0 })
  })

  it('rounds once per line, then splits over stacked rates by largest remainder', () => {
    // 10000 at 5% + 7% = 1200 exactly: 500 + 700.
    const exact = computeTotals(one(false, 10000, [vat(500, 'GST', 'a'), vat(700, 'PST', 'b')]))
    expect(exact.items[0]!.tax_lines.map((l) => l.amount)).toEqual([500, 700])
    // 333 at 5% + 7% = 39.96 -> 40, split 5:7 = 16.67 / 23.33 -> 17 / 23.
    const split = computeTotals(one(false, 333, [vat(500, 'GST', 'a'), vat(700, 'PST', 'b')]))
    expect(split.items[0]!.tax_total).toBe(40)
    expect(split.items[0]!.tax_lines).toEqual([
      { rate_id: 'a', name: 'GST', rate_bps: 500, amount: 17 },
      { rate_id: 'b', name: 'PST', rate_bps: 700, amount: 23 },
    ])
  })

  it('sums per line, not over the cart: two lines of 0.05 at 10% exclusive are 2 cents of tax', () => {
    const totals = computeTotals({
      currency_code: 'USD',
      tax_inclusive: false,
      items: [
        { id: 'a', unit_price: 5, quantity: 1, tax_rates: [vat(1000)] },
        { id: 'b', unit_price: 5, quantity: 1, tax_rates: [vat(1000)] },
      ],
      shipping: null,
    })
    expect(totals.items.map((i) => i.tax_total)).toEqual([1, 1])
    expect(totals.tax_total).toBe(2)
    expect(totals.total).toBe(12)
  })
})

describe('computeTotals: shipping', () => {
  it('adds tax to shipping in an exclusive region and counts it in shipping_total', () => {
    const totals = computeTotals({ ...one(false, 10000, [vat(887.5)]), shipping: { amount: 799, tax_rates: [vat(887.5)] } })
    expect(totals).toMatchObject({ shipping_total: 870, shipping_tax_total: 71, tax_total: 888 + 71, total: 10888 + 870 })
  })

  it('extracts tax from shipping in an inclusive region', () => {
    const totals = computeTotals({ ...one(true, 1210, [vat(2100)]), shipping: { amount: 495, tax_rates: [vat(2100)] } })
    expect(totals).toMatchObject({ shipping_total: 495, shipping_tax_total: 86, tax_total: 296, total: 1705 }) // 495*21/121 = 85.9
  })

  it('free shipping adds nothing', () => {
    const totals = computeTotals({ ...one(false, 1000, []), shipping: { amount: 0, tax_rates: [vat(2100)] } })
    expect(totals).toMatchObject({ shipping_total: 0, shipping_tax_total: 0, total: 1000 })
  })
})

describe('computeTotals: refuses what cannot be a cart', () => {
  it.each([
    ['a negative price', one(false, -1, [])],
    ['a fractional price', one(false, 10.5, [])],
    ['a discount above the subtotal', one(false, 100, [], { discount_total: 101 })],
    ['a rate with three decimals of a basis point', one(false, 100, [vat(887.125)])],
    ['a negative rate', one(false, 100, [vat(-1)])],
    ['an unknown currency', { ...one(false, 100, []), currency_code: 'XXQ' }],
  ])('%s', (_, input) => {
    expect(() => computeTotals(input)).toThrow(RangeError)
  })
})

describe('rateToPpm', () => {
  it('keeps two decimals of a basis point exactly', () => {
    expect([2100, 887.5, 725, 9.4375 * 100, 0.01].map(rateToPpm)).toEqual([210000, 88750, 72500, 94375, 1])
  })
})

describe('allocate splits integers exactly', () => {
  it('past 2^53 the parts still sum to the total', () => {
    const parts = allocate(999_999_999_999, [999_999_999_989, 999_999_999_983, 7])
    expect(parts.reduce((a, b) => a + b, 0)).toBe(999_999_999_999)
  })

  it('gives equal remainders to the earlier weight', () => {
    // 1 split 1:1:1 -> the first; 4 split 1:1:1 -> 2, 1, 1 (4/3 = 1.333 each: float remainders differ here).
    expect(allocate(1, [1, 1, 1])).toEqual([1, 0, 0])
    expect(allocate(4, [1, 1, 1])).toEqual([2, 1, 1])
    expect(allocate(7, [3, 3, 3])).toEqual([3, 2, 2])
  })
})
