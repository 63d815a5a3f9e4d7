/**
 * Typo tolerance by deletion neighbourhoods (SymSpell, edit distance 1): every indexed word is
 * stored with each of its one-letter deletions, so the words one edit away from a query word
 * are those sharing a variant with it. Sharing a variant means "at most two edits"; the exact
 * check below keeps those one edit away. See docs/adr/0002-search.md.
 */

/** Query words shorter than this are never corrected: too many short words are one edit apart. */
export const MIN_FUZZY_LENGTH = 5

/** Indexed words need variants only when a correctable query word can be one edit away. */
export const MIN_VOCABULARY_LENGTH = MIN_FUZZY_LENGTH - 1

/** Whether a word belongs in the typo vocabulary: letters only, long enough to be corrected to. */
export function isVocabularyWord(word: string): boolean {
  return word.length >= MIN_VOCABULARY_LENGTH && !/\p{N}/u.test(word)
}

/** Whether a query word may be corrected. */
export function isFuzzyCandidate(word: string): boolean {
  return word.length >= MIN_FUZZY_LENGTH && !/\p{N}/u.test(word)
}

/** The word and every string one deletion away from it, without duplicates. */
export function deletionVariants(word: string): string[] {
  const chars = [...word]
  const variants = new Set([word])
  for (let i = 0; i < chars.length; i++) variants.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''))
  return [...variants]
}

/**
 * Whether `a` and `b` are at most one edit apart (substitution, insertion, deletion or a swap
 * of two neighbours): optimal string alignment distance <= 1.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a]
  const y = [...b]
  if (Math.abs(x.length - y.length) > 1) return false
  let start = 0
  while (start < x.length && start < y.length && x[start] === y[start]) start++
  let endX = x.length
  let endY = y.length
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--
    endY--
  }
  const restX = endX - start
  const restY = endY - start
  if (restX <= 1 && restY <= 1) return true
  return restX === 2 && restY === 2 && x[start] === y[start + 1] && x[start + 1] === y[start]
}
