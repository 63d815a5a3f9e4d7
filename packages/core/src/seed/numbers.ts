/** A 32-bit FNV-1a hash: the same text always gives the same number. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** A small seeded PRNG (mulberry32): deterministic variety, the same sequence on every run. */
export function seededRandom(seed: string): () => number {
  let state = hashString(seed)
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A copy of `items` in an order fixed by `seed`. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed)
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

/** Completes 12 digits to an EAN-13 (also ISBN-13) with its check digit. */
export function ean13(first12: string): string {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits, got ${first12}`)
  const sum = [...first12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0)
  return first12 + String((10 - (sum % 10)) % 10)
}

/** The demo's price list: EUR and USD end in .95/.99, JPY has no minor unit and is rounded to hundreds. */
export function demoPrices(euros: number, cents: 95 | 99 = 95): { currency_code: string; amount: number }[] {
  const eur = euros * 100 + cents
  const usd = Math.round((eur * 1.1) / 100) * 100 - 1
  const jpy = Math.round((eur * 1.56) / 100) * 100
  return [
    { currency_code: 'EUR', amount: eur },
    { currency_code: 'USD', amount: usd },
    { currency_code: 'JPY', amount: jpy },
  ]
}
