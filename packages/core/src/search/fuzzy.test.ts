import { describe, expect, it } from 'vitest'
import { deletionVariants, isFuzzyCandidate, isVocabularyWord, withinOneEdit } from './fuzzy.js'

describe('withinOneEdit', () => {
  it.each([
    ['jacket', 'jacket', true],
    ['jacket', 'hacket', true], // substitution, first
    ['jacket', 'jacjet', true], // substitution, middle
    ['jacket', 'jackez', true], // substitution, last
    ['jacket', 'xjacket', true], // insertion, first
    ['jacket', 'jacxket', true], // insertion, middle
    ['jacket', 'jacketx', true], // insertion, last
    ['jacket', 'acket', true], // deletion, first
    ['jacket', 'jaket', true], // deletion, middle
    ['jacket', 'jacke', true], // deletion, last
    ['jacket', 'ajcket', true], // transposition, first
    ['jacket', 'jakcet', true], // transposition, middle
    ['jacket', 'jackte', true], // transposition, last
    ['jacket', 'hackez', false],
    ['jacket', 'jack', false],
    ['jacket', 'ajckte', false],
    ['abc', 'bca', false],
    ['aa', 'a', true],
    ['', 'a', true],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected)
    expect(withinOneEdit(b, a)).toBe(expected)
  })
})

describe('deletionVariants', () => {
  it.each([
    ['shirt', ['shirt', 'hirt', 'sirt', 'shrt', 'shit', 'shir']],
    ['moon', ['moon', 'oon', 'mon', 'moo']],
    ['a', ['a', '']],
  ])('%s', (word, expected) => {
    expect(deletionVariants(word)).toEqual(expected)
  })

  it('shares a variant between words one edit apart', () => {
    for (const [a, b] of [
      ['jacket', 'hacket'],
      ['jacket', 'jaket'],
      ['jacket', 'jakcet'],
      ['jacket', 'jacketx'],
    ] as const) {
      const shared = deletionVariants(a).filter((v) => deletionVariants(b).includes(v))
      expect(shared.length).toBeGreaterThan(0)
    }
  })
})

describe('vocabulary and query words', () => {
  it.each([
    ['shirt', true, true],
    ['coat', true, false],
    ['hat', false, false],
    ['2000s', false, false],
  ])('%s: vocabulary %s, corrected %s', (word, vocabulary, fuzzy) => {
    expect(isVocabularyWord(word)).toBe(vocabulary)
    expect(isFuzzyCandidate(word)).toBe(fuzzy)
  })
})
