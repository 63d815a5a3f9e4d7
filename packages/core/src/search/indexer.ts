import { translate } from '../catalog/index.js'
import type { Ctx } from '../kernel/ctx.js'
import { deleteFacetRows, writeFacetRows } from './facet-source.repository.js'
import { deletionVariants, isVocabularyWord } from './fuzzy.js'
import {
  addVocabulary,
  deleteIndexRows,
  findIndexSources,
  type IndexSource,
  insertDocuments,
  insertPriceRanges,
} from './index.repository.js'
import { type SearchPriceTable, searchDb } from './search.table.js'
import { analyze, BASE_LOCALE, SEARCH_LOCALES, words } from './tokenize.js'

/**
 * Rewrites the index rows of these products: for each published product one document per search
 * locale, its price range per currency and its facet row; nothing for drafts, archived or deleted products.
 * Runs in the caller's transaction.
 */
export async function reindex(ctx: Ctx, productIds: string[]): Promise<void> {
  const ids = [...new Set(productIds)]
  if (ids.length === 0) return
  const db = searchDb(ctx.db)
  const published = (await findIndexSources(db, ids)).filter((s) => s.status === 'published')
  await deleteIndexRows(db, ids)
  await insertDocuments(
    db,
    published.flatMap((source) => SEARCH_LOCALES.map((locale) => toDocument(source, locale))),
  )
  await insertPriceRanges(db, published.flatMap(toPriceRanges))
  const vocabulary = new Set(published.flatMap((source) => rawTexts(source).flatMap(words)).filter(isVocabularyWord))
  await addVocabulary(db, [...vocabulary], deletionVariants)
  await writeFacetRows(db, ids)
}

/** Removes these products' index rows; the vocabulary keeps their words (a stale word matches nothing). */
export async function dropFromIndex(ctx: Ctx, productIds: string[]): Promise<void> {
  if (productIds.length) await deleteIndexRows(searchDb(ctx.db), [...new Set(productIds)])
  if (productIds.length) await deleteFacetRows(searchDb(ctx.db), [...new Set(productIds)])
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

/** The lowest and highest live variant price per currency. */
function toPriceRanges(source: IndexSource): SearchPriceTable[] {
  const ranges = new Map<string, SearchPriceTable>()
  for (const { currency_code, amount } of source.prices) {
    const range = ranges.get(currency_code)
    if (!range) ranges.set(currency_code, { product_id: source.id, currency_code, min_amount: amount, max_amount: amount })
    else {
      range.min_amount = Math.min(range.min_amount, amount)
      range.max_amount = Math.max(range.max_amount, amount)
    }
  }
  return [...ranges.values()]
}

function rawTexts(source: IndexSource): string[] {
  const translated = source.translations.flatMap((t) => [t.title ?? '', t.description ?? ''])
  return [source.title, source.description, ...source.tags, ...source.skus, ...translated]
}
