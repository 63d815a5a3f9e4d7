/**
 * ISO 4217 currencies and their exponents (minor-unit digits). Amounts are always integers in
 * minor units: 1999 EUR is 19.99, 1999 JPY is 1999, 1999 KWD is 1.999.
 */
const EXPONENTS: Record<string, number> = {
  AED: 2, ARS: 2, AUD: 2, BGN: 2, BHD: 3, BRL: 2, CAD: 2, CHF: 2, CLP: 0, CNY: 2, COP: 2, CZK: 2,
  DKK: 2, EGP: 2, EUR: 2, GBP: 2, HKD: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2, IQD: 3, ISK: 0, JOD: 3,
  JPY: 0, KRW: 0, KWD: 3, LYD: 3, MAD: 2, MXN: 2, MYR: 2, NGN: 2, NOK: 2, NZD: 2, OMR: 3, PEN: 2,
  PHP: 2, PKR: 2, PLN: 2, QAR: 2, RON: 2, RSD: 2, SAR: 2, SEK: 2, SGD: 2, THB: 2, TND: 3, TRY: 2,
  TWD: 2, UAH: 2, UGX: 0, USD: 2, VND: 0, XAF: 0, XOF: 0, ZAR: 2,
}

export const CURRENCY_CODES = Object.keys(EXPONENTS)

export function isCurrency(code: string): boolean {
  return code.toUpperCase() in EXPONENTS
}

export function currencyExponent(code: string): number {
  const exponent = EXPONENTS[code.toUpperCase()]
  if (exponent === undefined) throw new Error(`unknown currency ${code}`)
  return exponent
}

/** Largest amount we accept: stays exact in a JS number and in a signed 64-bit column. */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER

/** Formats minor units for logs and plain-text output: `formatAmount(1999, 'EUR') === '19.99 EUR'`. */
export function formatAmount(amount: number, currency: string): string {
  const exponent = currencyExponent(currency)
  const sign = amount < 0 ? '-' : ''
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0')
  const major = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
  return `${sign}${major} ${currency.toUpperCase()}`
}

/**
 * Splits `total` over `weights` so the parts sum exactly to `total` (largest remainder; ties go
 * to the earlier weight). Used for discounts and tax across lines.
 */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (weights.length === 0) return []
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0))
  // Integer inputs are split exactly: past 2^53 float products lose digits (parts could miss the
  // total), and float remainders of equal fractions can differ, breaking the earlier-weight tie rule.
  if (Number.isInteger(total) && weights.every(Number.isInteger)) return allocateExact(total, weights, sum)
  const exact = weights.map((w) => (total * w) / sum)
  const parts = exact.map((x) => Math.floor(x))
  let rest = total - parts.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (rest <= 0) break
    parts[i]! += 1
    rest -= 1
  }
  return parts
}

function allocateExact(total: number, weights: number[], sum: number): number[] {
  const t = BigInt(total)
  const s = BigInt(sum)
  const quotients = weights.map((w) => {
    const product = t * BigInt(w)
    // floor division, also for a negative total
    const q = product / s - (product % s !== 0n && product < 0n ? 1n : 0n)
    return { q, r: product - q * s }
  })
  const parts = quotients.map(({ q }) => Number(q))
  let rest = total - parts.reduce((a, b) => a + b, 0)
  const order = quotients.map(({ r }, i) => ({ i, r })).sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i))
  for (const { i } of order) {
    if (rest <= 0) break
    parts[i]! += 1
    rest -= 1
  }
  return parts
}
