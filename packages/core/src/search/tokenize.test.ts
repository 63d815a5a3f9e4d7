import { describe, expect, it } from 'vitest'
import { analyze, searchLocale, stem, words } from './tokenize.js'

describe('words', () => {
  it.each([
    ['Linen Shirt (Blue)', ['linen', 'shirt', 'blue']],
    ['Crème brûlée — naïve café', ['creme', 'brulee', 'naive', 'cafe']],
    ['LS-S-B / 2XL', ['ls', 's', 'b', '2xl']],
    ['  ', []],
    ['Überjacke, één!', ['uberjacke', 'een']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected)
  })
})

describe('stem', () => {
  it.each([
    ['shirts', 'en', 'shirt'],
    ['running', 'en', 'run'],
    ['jackets', 'en', 'jacket'],
    ['fietsen', 'nl', 'fiet'],
    ['fiets', 'nl', 'fiet'],
    ['huizen', 'nl', 'huis'],
    ['huis', 'nl', 'huis'],
    ['schoenen', 'nl', 'schoen'],
    ['jassen', 'nl', 'jas'],
    ['2xl', 'en', '2xl'],
    ['shirts', 'xx', 'shirts'],
  ])('%s in %s -> %s', (word, locale, expected) => {
    expect(stem(word, locale)).toBe(expected)
  })

  it.each([
    ['en', 'shirts', 'shirt'],
    ['nl', 'fietsen', 'fiets'],
    ['nl', 'broeken', 'broek'],
    ['nl', 'prijzen', 'prijs'],
    ['nl', 'brieven', 'brief'],
  ])('joins the inflected and the plain form in %s: %s ~ %s', (locale, inflected, plain) => {
    expect(stem(inflected, locale)).toBe(stem(plain, locale))
  })
})

describe('analyze', () => {
  it('normalizes and stems a text in order', () => {
    expect(analyze('Blue Shirts, size 2XL', 'en')).toEqual(['blue', 'shirt', 'size', '2xl'])
  })
})

describe('searchLocale', () => {
  it.each([
    ['en', 'en'],
    ['nl', 'nl'],
    ['NL', 'nl'],
    ['de', 'en'],
  ])('%s searches %s', (locale, expected) => {
    expect(searchLocale(locale)).toBe(expected)
  })
})
