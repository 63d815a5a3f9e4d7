import { describe, expect, it } from 'vitest'
import { selectTaxRates } from './select-rates.js'
import type { TaxRate } from './tax.js'

const rate = (id: string, rate_bps: number, place: { country?: string; province?: string; categories?: string[] } = {}): TaxRate => ({
  id,
  region_id: 'reg_1',
  name: id,
  code: null,
  rate_bps,
  country_code: place.country ?? null,
  province_code: place.province ?? null,
  category_ids: place.categories ?? [],
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
})

// One region's rates each: the EU region has region-wide rates, the others only local ones.
const eu = [
  rate('eu-standard', 2100),
  rate('eu-books', 900, { categories: ['books'] }),
  rate('de-standard', 1900, { country: 'de' }),
  rate('de-books', 700, { country: 'de', categories: ['books'] }),
  rate('fr-books', 550, { country: 'fr', categories: ['books'] }),
]
const us = [rate('us-ny', 887.5, { country: 'us', province: 'ny' }), rate('us-federal-books', 0, { country: 'us', categories: ['books'] })]
const ca = [rate('ca-gst', 500, { country: 'ca', province: 'bc' }), rate('ca-pst', 700, { country: 'ca', province: 'bc' })]
const ids = (found: TaxRate[]) => found.map((r) => r.id)
const at = (country_code: string, category_ids: string[] = [], province_code: string | null = null) => ({
  country_code,
  province_code,
  category_ids,
})

describe('selectTaxRates', () => {
  it.each([
    ['the region default where the country has no rate', eu, at('nl'), ['eu-standard']],
    ['a category override at the region level', eu, at('nl', ['poetry', 'books']), ['eu-books']],
    ['the country default beats the region override', eu, at('de', []), ['de-standard']],
    ['the country override for a book', eu, at('de', ['books']), ['de-books']],
    ['a country with only an override falls back to the region default for other products', eu, at('fr', ['shirts']), ['eu-standard']],
    ['the country override in that country', eu, at('fr', ['books']), ['fr-books']],
    ['a province rate in its province (any case)', us, at('us', [], 'NY'), ['us-ny']],
    ['no rate for a state without one', us, at('us', [], 'or'), []],
    ['a country-level override where the state has no rate', us, at('us', ['books'], 'or'), ['us-federal-books']],
    ['the state rate wins over a country-level override', us, at('us', ['books'], 'ny'), ['us-ny']],
    ['stacked rates at one place all apply', ca, at('ca', [], 'bc'), ['ca-gst', 'ca-pst']],
    ['nothing outside the places of the rates', ca, at('ca', [], 'on'), []],
  ] as const)('%s', (_, rates, destination, expected) => {
    expect(ids(selectTaxRates([...rates], { ...destination, category_ids: [...destination.category_ids] }))).toEqual(expected)
  })
})
