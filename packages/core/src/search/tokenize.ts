import { stemmer as dutch } from '@orama/stemmers/dutch'
import { stemmer as english } from '@orama/stemmers/english'

/**
 * One analyzer for both databases: the index stores the words this module produces and the
 * query is built from the same words, so SQLite FTS5 and PostgreSQL agree on what matches.
 * See docs/adr/0002-search.md.
 */

/** The text every product's base fields are written in; other locales fall back to it. */
export const BASE_LOCALE = 'en'

const STEMMERS: Record<string, (word: string) => string> = {
  en: english,
  nl: stemDutch,
}

/** Locales the index keeps a document for, per product. */
export const SEARCH_LOCALES = Object.keys(STEMMERS)

/** The index locale a query in `locale` searches: its own, or the base text's. */
export function searchLocale(locale: string): string {
  return STEMMERS[locale.toLowerCase()] ? locale.toLowerCase() : BASE_LOCALE
}

const MAX_WORD_LENGTH = 40

/** Lowercase, without diacritics, split on everything that is not a letter or a digit. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && w.length <= MAX_WORD_LENGTH)
}

/** The Snowball stem of one normalized word; words with digits (sizes, SKUs) stay as they are. */
export function stem(word: string, locale: string): string {
  const stemmer = STEMMERS[locale]
  if (!stemmer || /\p{N}/u.test(word)) return word
  return stemmer(word) || word
}

/** The stems of a text, in order: what the index stores and what a query looks for. */
export function analyze(text: string, locale: string): string[] {
  return words(text).map((w) => stem(w, locale))
}

/**
 * The classic Snowball Dutch stemmer removes one suffix per pass (`fietsen` -> `fiets`,
 * `fiets` -> `fiet`), so a plural and its singular can miss each other. Stemming to a fixed
 * point and restoring the voiced endings (`huiz` -> `huis`, `briev` -> `brief`) joins them.
 */
function stemDutch(word: string): string {
  let current = word
  for (let i = 0; i < 4; i++) {
    const next = devoice(dutch(current))
    if (next === current) break
    current = next
  }
  return current
}

function devoice(stemmed: string): string {
  if (stemmed.length < 3) return stemmed
  if (stemmed.endsWith('z')) return `${stemmed.slice(0, -1)}s`
  if (stemmed.endsWith('v')) return `${stemmed.slice(0, -1)}f`
  return stemmed
}
