import type { Generated, Kysely } from 'kysely'
import type { Database } from '../db/database.js'

/** One product's searchable text in one locale, already analyzed (stems joined by spaces). */
export interface SearchDocumentTable {
  id: Generated<number>
  product_id: string
  locale: string
  title: string
  tags: string
  skus: string
  description: string
}

/** SQLite only: the FTS5 index over `search_document` (external content, kept by triggers). */
export interface SearchFtsTable {
  rowid: number
  search_fts: string
  title: string
  tags: string
  skus: string
  description: string
}

/** Every normalized word the index has seen: the vocabulary typo corrections come from. */
export interface SearchTermTable {
  word: string
}

/** A word and each of its one-letter deletions, looked up by variant. */
export interface SearchTermVariantTable {
  variant: string
  word: string
}

/** A published product's live variant price range in one currency. */
export interface SearchPriceTable {
  product_id: string
  currency_code: string
  min_amount: number
  max_amount: number
}

/**
 * A published product's facet data in one row, kept by the search indexer: what the facet index
 * loads at start (`encodeFacetSource` in facet-source.repository.ts describes `data`).
 */
export interface ProductFacetSourceTable {
  product_id: string
  data: string
}

// A type alias, not an interface: `withTables` needs an index-signature-compatible shape.
export type SearchTables = {
  search_document: SearchDocumentTable
  search_fts: SearchFtsTable
  search_term: SearchTermTable
  search_term_variant: SearchTermVariantTable
  search_price: SearchPriceTable
  product_facet_source: ProductFacetSourceTable
}

export type SearchDb = Kysely<Database & SearchTables>

/** The engine's handle, seeing the search tables too. */
export function searchDb(db: Kysely<Database>): SearchDb {
  return db.withTables<SearchTables>()
}
