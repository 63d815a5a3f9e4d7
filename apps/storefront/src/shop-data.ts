import type { StoreCategory, StoreClient, StoreCollection, StoreRegion } from '@kassa/sdk'
import type { Lang } from './i18n.js'

const TTL_MS = 30_000

/**
 * Regions, categories and collections change rarely and every page shows them: they are kept for
 * 30 seconds so a page render costs one Store API call for its own content, not four.
 */
export function createShopData(store: StoreClient) {
  const cache = new Map<string, { at: number; value: Promise<unknown> }>()
  function remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key)
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>
    const value = load()
    cache.set(key, { at: Date.now(), value })
    value.catch(() => cache.delete(key))
    return value
  }
  return {
    regions: () => remember<StoreRegion[]>('regions', () => store.regions.list()),
    categories: (lang: Lang) => remember<StoreCategory[]>(`categories:${lang}`, () => store.categories.list({ locale: lang })),
    collections: (lang: Lang) => remember<StoreCollection[]>(`collections:${lang}`, () => store.collections.list({ locale: lang })),
  }
}

export type ShopData = ReturnType<typeof createShopData>

/** The region a visitor shops in: the one they picked, else Dutch visitors the Dutch region and English ones the US. */
export function pickRegion(regions: StoreRegion[], lang: Lang, chosenId: string | undefined): StoreRegion {
  const chosen = chosenId ? regions.find((r) => r.id === chosenId) : undefined
  if (chosen) return chosen
  const country = lang === 'nl' ? 'nl' : 'us'
  const region = regions.find((r) => r.countries.includes(country)) ?? regions[0]
  if (!region) throw new Error('The shop has no regions: create one in the Admin API first')
  return region
}
