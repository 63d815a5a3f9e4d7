import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { type TextMatch, textHits } from '../db/search-dialect.js'
import { searchDb } from './search.table.js'

const MAX_ENTRIES = 200

interface HitCache {
  version: number
  entries: Map<string, Promise<string[]>>
}

const caches = new WeakMap<Kysely<Database>, HitCache>()

/**
 * The ids of the products matching a text, in relevance order (uncorrected matches first, then
 * rank, then id), read once per text and `facets` version: the relevance pages and the facets of
 * every filter set over the same text walk this list instead of matching and ranking again.
 */
export function cachedTextHits(db: Kysely<Database>, version: number, text: TextMatch): Promise<string[]> {
  let cache = caches.get(db)
  if (!cache || cache.version !== version) caches.set(db, (cache = { version, entries: new Map() }))
  const key = JSON.stringify([text.locale, text.groups, text.exact])
  let hits = cache.entries.get(key)
  if (hits) {
    cache.entries.delete(key)
    cache.entries.set(key, hits)
    return hits
  }
  hits = rankedHits(db, text)
  const entries = cache.entries
  entries.set(key, hits)
  hits.catch(() => entries.delete(key))
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  return hits
}

async function rankedHits(db: Kysely<Database>, text: TextMatch): Promise<string[]> {
  const rows = await textHits(searchDb(db), text).execute()
  const hits = rows.map((r) => ({ id: r.product_id, rank: Number(r.rank), exact: Number(r.exact) }))
  hits.sort((a, b) => b.exact - a.exact || b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return hits.map((h) => h.id)
}
