import type { Insertable } from 'kysely'
import { jsonArrayFrom, parseJson } from '../db/dialect.js'
import type { SearchDb, SearchDocumentTable, SearchPriceTable } from './search.table.js'

/** Rows per statement: far below both databases' bound-parameter limits. */
const CHUNK = 500

export interface IndexSource {
  id: string
  status: string
  title: string
  description: string
  translations: { locale: string; title: string | null; description: string | null }[]
  tags: string[]
  skus: string[]
  prices: { currency_code: string; amount: number }[]
}

/** What the index needs of these products, in one round trip; archived variants are left out. */
export async function findIndexSources(db: SearchDb, ids: string[]): Promise<IndexSource[]> {
  const sources: IndexSource[] = []
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('product as p')
      .select((eb) => [
        'p.id',
        'p.status',
        'p.title',
        'p.description',
        jsonArrayFrom(
          db,
          eb
            .selectFrom('product_translation as tr')
            .select(['tr.locale', 'tr.title', 'tr.description'])
            .whereRef('tr.product_id', '=', 'p.id'),
        ).as('translations'),
        jsonArrayFrom(db, eb.selectFrom('product_tag as t').select('t.value').whereRef('t.product_id', '=', 'p.id')).as('tags'),
        jsonArrayFrom(
          db,
          eb
            .selectFrom('product_variant as v')
            .select('v.sku')
            .whereRef('v.product_id', '=', 'p.id')
            .where('v.archived_at', 'is', null)
            .where('v.sku', 'is not', null),
        ).as('skus'),
        jsonArrayFrom(
          db,
          eb
            .selectFrom('product_variant as pv')
            .innerJoin('price as pr', 'pr.variant_id', 'pv.id')
            .select(['pr.currency_code', 'pr.amount'])
            .whereRef('pv.product_id', '=', 'p.id')
            .where('pv.archived_at', 'is', null),
        ).as('prices'),
      ])
      .where('p.id', 'in', part)
      .execute()
    for (const row of rows) {
      sources.push({
        id: row.id,
        status: row.status,
        title: row.title,
        description: row.description,
        translations: parseJson(row.translations, []),
        tags: parseJson<{ value: string }[]>(row.tags, []).map((t) => t.value),
        skus: parseJson<{ sku: string | null }[]>(row.skus, []).flatMap((v) => (v.sku ? [v.sku] : [])),
        prices: parseJson<{ currency_code: string; amount: number | string }[]>(row.prices, []).map((p) => ({
          ...p,
          amount: Number(p.amount),
        })),
      })
    }
  }
  return sources
}

/** Removes the documents and price ranges of these products. */
export async function deleteIndexRows(db: SearchDb, productIds: string[]): Promise<void> {
  for (const part of chunks(productIds)) {
    await db.deleteFrom('search_document').where('product_id', 'in', part).execute()
    await db.deleteFrom('search_price').where('product_id', 'in', part).execute()
  }
}

export async function insertDocuments(db: SearchDb, documents: Insertable<SearchDocumentTable>[]): Promise<void> {
  for (const part of chunks(documents)) await db.insertInto('search_document').values(part).execute()
}

export async function insertPriceRanges(db: SearchDb, ranges: SearchPriceTable[]): Promise<void> {
  for (const part of chunks(ranges)) await db.insertInto('search_price').values(part).execute()
}

/** Adds words to the typo vocabulary with their deletion variants; known words are skipped. */
export async function addVocabulary(db: SearchDb, words: string[], variantsOf: (word: string) => string[]): Promise<void> {
  const known = await findKnownWords(db, words)
  // Sorted, so concurrent writers adding the same new words take their row locks in one order.
  const fresh = words.filter((w) => !known.has(w)).sort()
  for (const part of chunks(fresh)) {
    await db
      .insertInto('search_term')
      .values(part.map((word) => ({ word })))
      .onConflict((oc) => oc.doNothing())
      .execute()
    const variants = part.flatMap((word) => variantsOf(word).map((variant) => ({ variant, word })))
    for (const rows of chunks(variants))
      await db
        .insertInto('search_term_variant')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute()
  }
}

/** Which of these words the vocabulary holds. */
export async function findKnownWords(db: SearchDb, words: string[]): Promise<Set<string>> {
  const known = new Set<string>()
  for (const part of chunks(words)) {
    for (const row of await db.selectFrom('search_term').select('word').where('word', 'in', part).execute()) known.add(row.word)
  }
  return known
}

/** Vocabulary words sharing one of these deletion variants. */
export async function findWordsByVariants(db: SearchDb, variants: string[]): Promise<string[]> {
  const words = new Set<string>()
  for (const part of chunks(variants)) {
    for (const row of await db.selectFrom('search_term_variant').select('word').where('variant', 'in', part).execute()) words.add(row.word)
  }
  return [...words]
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}
