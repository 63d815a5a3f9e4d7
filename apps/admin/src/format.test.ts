import { describe, expect, it } from 'vitest'
import { fromMinor, money, toMinor, variantGrid } from './format.js'

describe('admin formatting', () => {
  it('turns typed prices into minor units of the currency', () => {
    expect(toMinor('24.95', 'EUR')).toBe(2495)
    expect(toMinor('24,9', 'EUR')).toBe(2490)
    expect(toMinor('3500', 'JPY')).toBe(3500)
    expect(toMinor('', 'EUR')).toBeNaN()
    expect(fromMinor(2495, 'EUR')).toBe('24.95')
    expect(money(2495, 'EUR')).toBe('€24.95')
  })

  it('generates one variant per combination of option values', () => {
    expect(
      variantGrid([
        { title: 'Size', values: ['S', 'M'] },
        { title: 'Color', values: ['Red', 'Blue'] },
      ]),
    ).toEqual([
      { Size: 'S', Color: 'Red' },
      { Size: 'S', Color: 'Blue' },
      { Size: 'M', Color: 'Red' },
      { Size: 'M', Color: 'Blue' },
    ])
    expect(variantGrid([{ title: ' ', values: ['x'] }])).toEqual([])
  })
})
