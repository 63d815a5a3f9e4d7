import { describe, expect, it } from 'vitest'
import { decimalAmount, formatMoney, minorUnitFactor } from './format.js'
import { preferredLang } from './i18n.js'
import { pickRegion } from './shop-data.js'

describe('money on the page', () => {
  it.each([
    [2495, 'EUR', 'nl', '€ 24,95'],
    [2999, 'USD', 'en', '$29.99'],
    [3500, 'JPY', 'en', '¥3,500'],
    [1234, 'KWD', 'en', 'KWD 1.234'],
  ] as const)('%i minor units of %s in %s read %s', (amount, currency, lang, shown) => {
    expect(formatMoney(amount, currency, lang).replace(/\u00a0/g, ' ')).toBe(shown)
  })

  it('writes schema.org prices as plain decimals with the currency exponent', () => {
    expect(decimalAmount(2495, 'EUR')).toBe('24.95')
    expect(decimalAmount(3500, 'JPY')).toBe('3500')
    expect(minorUnitFactor('KWD')).toBe(1000)
  })
})

describe('language and region', () => {
  const regions = [
    { id: 'reg_nl', name: 'NL', currency_code: 'EUR', tax_inclusive: true, countries: ['nl', 'be'] },
    { id: 'reg_us', name: 'US', currency_code: 'USD', tax_inclusive: false, countries: ['us'] },
  ]

  it('picks the chosen region, else the one for the language', () => {
    expect(pickRegion(regions, 'en', 'reg_nl').id).toBe('reg_nl')
    expect(pickRegion(regions, 'en', undefined).id).toBe('reg_us')
    expect(pickRegion(regions, 'nl', 'reg_gone').id).toBe('reg_nl')
  })

  it('sends Dutch browsers to /nl and everyone else to /en', () => {
    expect(preferredLang('nl-BE,nl;q=0.9,en;q=0.8')).toBe('nl')
    expect(preferredLang('de-DE,de')).toBe('en')
    expect(preferredLang(undefined)).toBe('en')
  })
})
