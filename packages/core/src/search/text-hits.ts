import { type Kysely, sql } from 'kysely'
import { findChangedProducts } from '../catalog/catalog-events.js'
import type { Database } from '../db/database.js'
import { type TextMatch, textHits } from '../db/search-dialect.js'
import { searchDb } from './search.table.js'

const MAX_ENTRIES = 200
/** Changed products matched again one by one; more, and the whole text is matched again. */
const MAX_PATCH = 2000

interface Hit {
  id: string
  rank: number
  exact: number
}

interface Entry {
  /** The `facets` version the hits are up to date with. */
  version: number
  hits: Hit[]
  ids: string[]
}

const caches = new WeakMap<Kysely<Database>, Map<string, Promise<Entry>>>()

/**
 * The ids of the products matching a text, in relevance order (uncorrected matches first, then
 * rank, then id), matched and ranked in SQL once per text: the relevance pages and the facets of
 * every filter set over the same text walk this list. When the `facets` version moves, only the
 * products `catalog_change` names are matched again and put in place (everything, when that is
 * not known); the ranks of the others are kept, so a change of the corpus statistics alone does
 * not reorder them.
 */
export async function cachedTextHits(db: Kysely<Database>, version: number, text: TextMatch): Promise<string[]> {
  let entries = caches.get(db)
  if (!entries) caches.set(db, (entries = new Map()))
  const key = JSON.stringify([text.locale, text.groups, text.exact])
  const cached = entries.get(key)
  const entry = cached
    ? cached.then((e) => (e.version >= version ? e : catchUp(db, e, version, text)))
    : ranked(db, text).then((hits) => toEntry(version, hits))
  entries.delete(key)
  entries.set(key, entry)
  const map = entries
  entry.catch(() => {
    if (map.get(key) === entry) map.delete(key)
  })
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  return (await entry).ids
}

async function catchUp(db: Kysely<Database>, entry: Entry, version: number, text: TextMatch): Promise<Entry> {
  const changed = await findChangedProducts(db, entry.version, version)
  if (!changed || changed.length > MAX_PATCH) return toEntry(version, await ranked(db, text))
  if (changed.length === 0) return { ...entry, version }
  const gone = new Set(changed)
  const fresh = await ranked(db, text, changed)
  return toEntry(version, [...entry.hits.filter((h) => !gone.has(h.id)), ...fresh].sort(byRelevance))
}

async function ranked(db: Kysely<Database>, text: TextMatch, only?: string[]): Promise<Hit[]> {
  const query = textHits(searchDb(db), text)
  const rows = await (only ? query.where(sql.ref<string>('d.product_id'), 'in', only) : query).execute()
  return rows.map((r) => ({ id: r.product_id, rank: Number(r.rank), exact: Number(r.exact) })).sort(byRelevance)
}

function byRelevance(a: Hit, b: Hit): number {
  return b.exact - a.exact || b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function toEntry(version: number, hits: Hit[]): Entry {
  return { version, hits, ids: hits.map((h) => h.id) }
}
