import type { TextMatch } from '../db/search-dialect.js'
import { deletionVariants, isFuzzyCandidate, withinOneEdit } from './fuzzy.js'
import { findKnownWords, findWordsByVariants } from './index.repository.js'
import type { SearchDb } from './search.table.js'
import { searchLocale, stem, words } from './tokenize.js'

/** Words beyond this are ignored: a search box is not a document. */
const MAX_QUERY_WORDS = 12
/** Corrections kept per misspelt word. */
const MAX_CORRECTIONS = 10

/**
 * Turns the shopper's text into a match: every word must be found, as its stem or, when the word
 * is not in the vocabulary, as the stem of a vocabulary word one edit away. `null` without words.
 */
export async function resolveText(db: SearchDb, q: string | undefined, locale: string): Promise<TextMatch | null> {
  const queryWords = [...new Set(words(q ?? ''))].slice(0, MAX_QUERY_WORDS)
  if (queryWords.length === 0) return null
  const indexLocale = searchLocale(locale)
  const correctable = queryWords.filter(isFuzzyCandidate)
  const known = await findKnownWords(db, correctable)
  const unknown = correctable.filter((w) => !known.has(w))
  const candidates = unknown.length ? await findWordsByVariants(db, unknown.flatMap(deletionVariants)) : []
  const groups = queryWords.map((word) => {
    const corrections = unknown.includes(word)
      ? candidates
          .filter((c) => withinOneEdit(word, c))
          .sort()
          .slice(0, MAX_CORRECTIONS)
      : []
    return [...new Set([word, ...corrections].map((w) => stem(w, indexLocale)))]
  })
  const corrected = groups.some((g) => g.length > 1)
  return { groups, exact: corrected ? groups.map((g) => [g[0]!]) : null, locale: indexLocale }
}
