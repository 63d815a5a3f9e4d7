import { allocate, isCurrency } from '../kernel/money.js'
import type { TaxRateRef } from '../tax/index.js'

export interface TotalsItemInput {
  id: string
  /** Minor units, as the region shows prices: tax-inclusive in a tax-inclusive region. */
  unit_price: number
  quantity: number
  /** The line's share of discounts, in the same terms as `unit_price` (default 0). */
  discount_total?: number
  tax_rates: TaxRateRef[]
}

export interface TotalsInput {
  currency_code: string
  tax_inclusive: boolean
  items: TotalsItemInput[]
  /** The chosen shipping method, its amount shown like prices; `null` before one is chosen. */
  shipping: { amount: number; tax_rates: TaxRateRef[] } | null
}

export interface TaxLine extends TaxRateRef {
  amount: number
}

export interface ItemTotals {
  id: string
  /** `unit_price * quantity`. */
  subtotal: number
  discount_total: number
  tax_lines: TaxLine[]
  tax_total: number
  /** What the buyer pays for the line: discounted, tax included. */
  total: number
}

export interface Totals {
  items: ItemTotals[]
  subtotal: number
  discount_total: number
  /** What the buyer pays for shipping, tax included. */
  shipping_total: number
  shipping_tax_total: number
  /** Item tax plus shipping tax. */
  tax_total: number
  /** Sum of the items' totals plus `shipping_total`. */
  total: number
}

const PPM = 1_000_000n

/**
 * Every total of a cart or order from its lines, exactly, in minor units. Tax is rounded once per
 * line (half-up) and split over the line's rates by largest remainder; see docs/adr/0003-tax-rounding.md.
 * @example computeTotals({ currency_code: 'EUR', tax_inclusive: true, items: [{ id: 'l1', unit_price: 1210, quantity: 1, tax_rates: [{ rate_id: null, name: 'VAT', rate_bps: 2100 }] }], shipping: null }).tax_total === 210
 */
export function computeTotals(input: TotalsInput): Totals {
  if (!isCurrency(input.currency_code)) throw new RangeError(`unknown currency ${input.currency_code}`)
  const items = input.items.map((item): ItemTotals => {
    const discount = item.discount_total ?? 0
    assertAmount(item.unit_price, `item ${item.id} unit_price`)
    assertAmount(item.quantity, `item ${item.id} quantity`)
    assertAmount(discount, `item ${item.id} discount_total`)
    const subtotal = item.unit_price * item.quantity
    assertAmount(subtotal, `item ${item.id} subtotal`)
    if (discount > subtotal) throw new RangeError(`item ${item.id}: discount_total ${discount} exceeds subtotal ${subtotal}`)
    const taxed = applyTax(subtotal - discount, item.tax_rates, input.tax_inclusive)
    return { id: item.id, subtotal, discount_total: discount, tax_lines: taxed.lines, tax_total: taxed.tax, total: taxed.gross }
  })
  let shippingTotal = 0
  let shippingTax = 0
  if (input.shipping) {
    assertAmount(input.shipping.amount, 'shipping amount')
    const taxed = applyTax(input.shipping.amount, input.shipping.tax_rates, input.tax_inclusive)
    shippingTotal = taxed.gross
    shippingTax = taxed.tax
  }
  const sum = (pick: (i: ItemTotals) => number) => items.reduce((acc, i) => acc + pick(i), 0)
  return {
    items,
    subtotal: sum((i) => i.subtotal),
    discount_total: sum((i) => i.discount_total),
    shipping_total: shippingTotal,
    shipping_tax_total: shippingTax,
    tax_total: sum((i) => i.tax_total) + shippingTax,
    total: sum((i) => i.total) + shippingTotal,
  }
}

/** A rate in parts per million: 887.5 bps (8.875%) is 88750. Rates carry at most two decimals of a basis point. */
export function rateToPpm(rateBps: number): number {
  const ppm = Math.round(rateBps * 100)
  if (!Number.isFinite(rateBps) || rateBps < 0 || Math.abs(rateBps * 100 - ppm) > 1e-6) {
    throw new RangeError(`tax rate ${rateBps} bps is not a non-negative number with at most two decimals`)
  }
  return ppm
}

/**
 * Tax of one amount. Inclusive: the amount already holds the tax, which is extracted
 * (`amount * R / (1 + R)`); exclusive: the tax is added (`amount * R`). Several rates on one line
 * are summed, taxed once, and the one rounded amount split over them so the lines add up exactly.
 */
function applyTax(amount: number, rates: TaxRateRef[], inclusive: boolean): { tax: number; gross: number; lines: TaxLine[] } {
  const ppm = rates.map((r) => rateToPpm(r.rate_bps))
  const total = BigInt(ppm.reduce((a, b) => a + b, 0))
  const tax = total === 0n ? 0 : Number(roundHalfUp(BigInt(amount) * total, inclusive ? PPM + total : PPM))
  const parts = allocate(tax, ppm)
  const lines = rates.map((r, i) => ({ rate_id: r.rate_id, name: r.name, rate_bps: r.rate_bps, amount: parts[i]! }))
  return { tax, gross: inclusive ? amount : amount + tax, lines }
}

/** `num / den` rounded half-up, for non-negative values. */
function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den)
}

function assertAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer, got ${value}`)
}
