import type { Kysely } from 'kysely'
import { findChangedProducts } from '../catalog/catalog-events.js'
import type { Database } from '../db/database.js'
import { FacetIndex } from './facet-index.js'
import { findFacetGroupings, findFacetRows, findFacetRowsAfter } from './facet-source.repository.js'
import { searchDb } from './search.table.js'

/** Facet rows per read at a full load (about 300 bytes each). */
const LOAD_CHUNK = 10_000

interface Holder {
  index: FacetIndex | null
  /** The `facets` version the index has caught up with. */
  version: number
  /** Loads and catch-ups, one after the other. */
  queue: Promise<unknown>
}

const holders = new WeakMap<Kysely<Database>, Holder>()

/**
 * This process's facet index, caught up with `facets` version `version` or later: loaded whole
 * on first use from the facet rows the indexer keeps (`product_facet_source`), then only the products `catalog_change` names since the version it last saw
 * (everything again when that is unknown, or when half its slots are dead). Callers at the same
 * time share one load or catch-up.
 */
export function freshFacetIndex(db: Kysely<Database>, version: number): Promise<FacetIndex> {
  let holder = holders.get(db)
  if (!holder) holders.set(db, (holder = { index: null, version: -1, queue: Promise.resolve() }))
  const h = holder
  if (h.index && h.version >= version) return Promise.resolve(h.index)
  const next = h.queue.then(() => catchUp(db, h, version))
  h.queue = next.catch(() => undefined)
  return next
}

async function catchUp(db: Kysely<Database>, holder: Holder, version: number): Promise<FacetIndex> {
  if (holder.index && holder.version >= version) return holder.index
  const search = searchDb(db)
  const changed = holder.index ? await findChangedProducts(db, holder.version, version) : null
  if (!holder.index || !changed || holder.index.deadSlots > Math.max(10_000, holder.index.size)) {
    const index = new FacetIndex()
    index.setGroupings(await findFacetGroupings(search))
    // One facet row per published product, in keyset chunks, so the rows read are never all in memory at once.
    for (let after = ''; ;) {
      const sources = await findFacetRowsAfter(search, after, LOAD_CHUNK)
      index.update([], sources)
      if (sources.length < LOAD_CHUNK) break
      after = sources[sources.length - 1]!.id
    }
    holder.index = index
  } else {
    holder.index.setGroupings(await findFacetGroupings(search))
    holder.index.update(changed, await findFacetRows(search, changed))
  }
  holder.version = version
  return holder.index
}
