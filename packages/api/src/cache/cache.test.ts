import { VersionWatch } from '@kassa/core'
import { describe, expect, it } from 'vitest'
import { ByteLru } from './lru.js'
import { purgeKeys } from './response-cache.js'

describe('ByteLru', () => {
  it('evicts the least recently used entries once over its byte budget', () => {
    const lru = new ByteLru<{ bytes: number }>(100)
    lru.set('a', { bytes: 40 })
    lru.set('b', { bytes: 40 })
    lru.get('a')
    lru.set('c', { bytes: 40 })
    expect([lru.get('a'), lru.get('b'), lru.get('c')].map(Boolean)).toEqual([true, false, true])
    expect(lru.bytes).toBe(80)
    lru.set('huge', { bytes: 101 })
    expect(lru.get('huge')).toBeUndefined()
    expect(lru.size).toBe(2)
  })
})

describe('VersionWatch', () => {
  it('shares one read among callers, but never answers with a read that started before the caller asked', async () => {
    const pending: ((v: number) => void)[] = []
    let version = 1
    const watch = new VersionWatch(() => new Promise((resolve) => pending.push(() => resolve(version))))
    const a = watch.read()
    version = 2 // a write commits while the first read is in flight
    const b = watch.read()
    const c = watch.read()
    expect(pending).toHaveLength(1)
    pending[0]!(0)
    expect(await a).toBe(2)
    await Promise.resolve()
    expect(pending).toHaveLength(2)
    version = 3
    pending[1]!(0)
    expect([await b, await c]).toEqual([3, 3])
  })
})

describe('purgeKeys', () => {
  it('names the listing and every record shown', () => {
    const body = Buffer.from(JSON.stringify({ data: [{ id: 'prod_1' }, { id: 'prod_2' }], next_cursor: null }))
    expect(purgeKeys('/store/products', body)).toEqual(['catalog', 'products', 'product:prod_1', 'product:prod_2'])
    expect(purgeKeys('/store/categories/tops', Buffer.from('{"category":{"id":"pcat_1"}}'))).toEqual(['catalog', 'category:pcat_1'])
  })
})

describe('cacheOptionsFromEnv', () => {
  it('is on by default with 64 MB and 30 s, off with KASSA_CACHE=off', async () => {
    const { cacheOptionsFromEnv } = await import('./response-cache.js')
    expect(cacheOptionsFromEnv({})).toEqual({ maxBytes: 64 * 1024 * 1024, ttlMs: 30_000 })
    expect(cacheOptionsFromEnv({ KASSA_CACHE_MB: '8', KASSA_CACHE_TTL: '5' })).toEqual({ maxBytes: 8 * 1024 * 1024, ttlMs: 5000 })
    expect(cacheOptionsFromEnv({ KASSA_CACHE: 'off' })).toBe(false)
    expect(cacheOptionsFromEnv({ KASSA_CACHE: 'OFF' })).toBe(false)
  })
})
