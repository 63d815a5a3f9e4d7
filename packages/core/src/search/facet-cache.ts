import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { SearchPlan } from './match.repository.js'
import type { ProductFacets } from './search.js'

const MAX_ENTRIES = 2000

interface FacetCache {
  version: number
  entries: Map<string, Promise<ProductFacets>>
}

const caches = new WeakMap<Kysely<Database>, FacetCache>()

/**
 * Facet counts of a filter set, computed once per catalog version (stock changes aside): browsing the same category
 * again costs no scan of the matched set. Concurrent requests for the same filters share one
 * computation. `version` is the `facets` catalog version, `null` inside a transaction (not cached).
 */
export async function cachedFacets(
  db: Kysely<Database>,
  version: number | null,
  plan: SearchPlan,
  compute: () => Promise<ProductFacets>,
): Promise<ProductFacets> {
  if (version === null) return compute()
  let cache = caches.get(db)
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() }
    caches.set(db, cache)
  }
  const { sort: _sort, ...filters } = plan
  const key = JSON.stringify(filters)
  let facets = cache.entries.get(key)
  if (facets) {
    cache.entries.delete(key)
    cache.entries.set(key, facets)
    return facets
  }
  facets = compute()
  const entries = cache.entries
  entries.set(key, facets)
  facets.catch(() => entries.delete(key))
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
  return facets
}
