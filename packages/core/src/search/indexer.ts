import { translate } from '../catalog/index.js'
import type { Ctx } from '../kernel/ctx.js'
import { deletionVariants, isVocabularyWord } from './fuzzy.js'
import { addVocabulary, deleteDocuments, findIndexSources, type IndexSource, insertDocuments } from './index.repository.js'
import { searchDb } from './search.table.js'
import { analyze, BASE_LOCALE, SEARCH_LOCALES, words } from './tokenize.js'

/**
 * Rewrites the index rows of these products: one document per search locale for each published
 * product, none for drafts, archived or deleted products. Runs in the caller's transaction.
 */
export async function reindex(ctx: Ctx, productIds: string[]): Promise<void> {
  const ids = [...new Set(productIds)]
  if (ids.length === 0) return
  const db = searchDb(ctx.db)
  const published = (await findIndexSources(db, ids)).filter((s) => s.status === 'published')
  await deleteDocuments(db, ids)
  await insertDocuments(
    db,
    published.flatMap((source) => SEARCH_LOCALES.map((locale) => toDocument(source, locale))),
  )
  const vocabulary = new Set(published.flatMap((source) => rawTexts(source).flatMap(words)).filter(isVocabularyWord))
  await addVocabulary(db, [...vocabulary], deletionVariants)
}

/** Removes these products' documents; the vocabulary keeps their words (a stale word matches nothing). */
export async function dropFromIndex(ctx: Ctx, productIds: string[]): Promise<void> {
  if (productIds.length) await deleteDocuments(searchDb(ctx.db), [...new Set(productIds)])
}

/** The locale's text, falling back field by field to the base text, analyzed for that locale. */
function toDocument(source: IndexSource, locale: string) {
  const text = translate(source, source.translations, locale, BASE_LOCALE)
  const analyzed = (value: string) => analyze(value, locale).join(' ')
  return {
    product_id: source.id,
    locale,
    title: analyzed(text.title),
    tags: analyzed(source.tags.join(' ')),
    skus: analyzed(source.skus.join(' ')),
    description: analyzed(text.description),
  }
}

function rawTexts(source: IndexSource): string[] {
  const translated = source.translations.flatMap((t) => [t.title ?? '', t.description ?? ''])
  return [source.title, source.description, ...source.tags, ...source.skus, ...translated]
}
