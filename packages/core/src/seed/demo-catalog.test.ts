import { describe, expect, it } from 'vitest'
import { handleSchema } from '../kernel/schemas.js'
import { demoProducts } from './demo-catalog.js'
import { DEMO_CATEGORIES, DEMO_CATEGORY_HANDLES } from './demo-groupings.js'
import { demoPrices, ean13, shuffled } from './numbers.js'

const products = demoProducts()
const nl = (handle: string) => products.find((p) => p.handle === handle)?.input.translations?.[0]

describe('demo catalog data', () => {
  it('has valid, unique handles and lists parents before children', () => {
    expect(products.every((p) => handleSchema.safeParse(p.handle).success)).toBe(true)
    expect(new Set(products.map((p) => p.handle)).size).toBe(products.length)
    const order: readonly string[] = DEMO_CATEGORY_HANDLES
    for (const category of DEMO_CATEGORIES) {
      if (category.parent) expect(order.indexOf(category.parent)).toBeLessThan(order.indexOf(category.handle))
    }
    expect(DEMO_CATEGORIES.map((c) => c.handle)).toEqual([...DEMO_CATEGORY_HANDLES])
  })

  it('inflects Dutch adjectives by the gender of the noun', () => {
    // het-words keep the bare adjective, de-words and plurals take -e; -en material adjectives never change.
    const titles = products.map((p) => p.input.translations![0]!.title!)
    expect(titles.filter((t) => / overhemd$/.test(t)).every((t) => !/^\w+e /.test(t))).toBe(true)
    expect(titles.some((t) => /^(Klassiek|Ruimvallend|Getailleerd|Gestreept) .* overhemd$/.test(t))).toBe(true)
    expect(titles.filter((t) => / (mok|trui|broek)$/.test(t)).every((t) => /^(\S+e|Taps toelopende) /.test(t))).toBe(true)
    expect(titles.filter((t) => / sokken$/.test(t)).every((t) => /^\S+e /.test(t))).toBe(true)
    expect(nl('classic-linen-shirt')?.title).toBe('Klassiek linnen overhemd')
  })

  it('uses singular and plural forms in both languages, for stemming', () => {
    const text = products.map((p) => `${p.input.title} ${p.input.description} ${p.input.translations![0]!.title} ${p.input.translations![0]!.description}`).join(' ')
    for (const word of ['shirt', 'shirts', 'overhemd', 'overhemden', 'bike', 'bikes', 'fiets', 'fietsen', 'book', 'books', 'boek', 'boeken', 'mok', 'mokken', 'trui', 'truien']) {
      expect(text, word).toMatch(new RegExp(`\\b${word}\\b`, 'i'))
    }
  })

  it('computes EAN-13 check digits and demo prices', () => {
    expect(ean13('400638133393')).toBe('4006381333931')
    expect(ean13('978030640615')).toBe('9780306406157')
    expect(demoPrices(49)).toEqual([
      { currency_code: 'EUR', amount: 4995 },
      { currency_code: 'USD', amount: 5499 },
      { currency_code: 'JPY', amount: 7800 },
    ])
    expect(demoPrices(14, 99)[0]).toEqual({ currency_code: 'EUR', amount: 1499 })
  })

  it('shuffles the same way for the same seed', () => {
    const items = Array.from({ length: 30 }, (_, i) => i)
    expect(shuffled(items, 'a')).toEqual(shuffled(items, 'a'))
    expect(shuffled(items, 'a')).not.toEqual(shuffled(items, 'b'))
    expect([...shuffled(items, 'a')].sort((x, y) => x - y)).toEqual(items)
  })
})
