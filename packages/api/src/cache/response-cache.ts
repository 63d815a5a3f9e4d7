import { createHash } from 'node:crypto'
import { type Commerce, currentCatalogVersion } from '@kassa/core'
import type { Context, MiddlewareHandler } from 'hono'
import { etag } from 'hono/etag'
import type { AppEnv } from '../env.js'
import { negotiateLocale } from '../middleware/store.js'
import { ByteLru } from './lru.js'

export interface ResponseCacheOptions {
  /** Bytes of rendered responses kept (env `KASSA_CACHE_MB`, default 64 MB). */
  maxBytes: number
  /**
   * How long an entry may serve without a catalog event (env `KASSA_CACHE_TTL`, seconds, default
   * 30): it bounds what events do not cover, such as availability moved by reservations.
   */
  ttlMs: number
}

/** `KASSA_CACHE=off` turns the cache off (answers are then rendered each time, as with no cache). */
export function cacheOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ResponseCacheOptions | false {
  if (['off', '0', 'false', 'no'].includes((env.KASSA_CACHE ?? '').toLowerCase())) return false
  const mb = Number(env.KASSA_CACHE_MB || 64)
  const ttl = Number(env.KASSA_CACHE_TTL || 30)
  return { maxBytes: Math.max(0, mb) * 1024 * 1024, ttlMs: Math.max(0, ttl) * 1000 }
}

/** The Store API reads whose answers depend only on the catalog (and regions), not on a buyer. */
const CACHEABLE = /^\/store\/(products|collections|categories|regions)(\/[^/]+)?$/

export const CATALOG_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'
export const CATALOG_VARY = 'x-publishable-api-key, accept-language'

interface Entry {
  body: Uint8Array
  etag: string
  headers: Record<string, string>
  expires: number
  bytes: number
}

export interface CacheStats {
  hits: number
  misses: number
  notModified: number
  flushes: number
  entries: number
  bytes: number
}

/**
 * Store API catalog reads from memory. An entry is keyed by path, normalized query, sales channel
 * and negotiated language, and holds the rendered body with its ETag. Before serving, the catalog
 * version is read (one primary-key query, shared by concurrent requests); a version other than
 * the cache's empties it, so an edit made by any process on the database is seen by the next
 * request. `If-None-Match` is answered with 304 from the entry; everything else falls back to
 * `hono/etag`.
 */
export function responseCache(commerce: Commerce, options: ResponseCacheOptions | false): MiddlewareHandler<AppEnv> & { stats(): CacheStats } {
  const fallback = etag()
  const stats = { hits: 0, misses: 0, notModified: 0, flushes: 0 }
  if (!options) return Object.assign(fallback, { stats: () => ({ ...stats, entries: 0, bytes: 0 }) })
  const lru = new ByteLru<Entry>(options.maxBytes)
  const rendering = new Map<string, Promise<Entry | undefined>>()
  let version = -1

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method !== 'GET' || !CACHEABLE.test(c.req.path)) return fallback(c, next)
    const key = cacheKey(c)
    const seen = await currentCatalogVersion(commerce.db)
    if (seen !== version) {
      if (lru.size) stats.flushes++
      lru.clear()
      version = seen
    }
    const entry = lru.get(key)
    if (entry && entry.expires > Date.now()) {
      stats.hits++
      return answer(c, entry, 'hit')
    }
    // Requests for the same entry at the same version wait for one rendering instead of each running it.
    const flight = `${seen} ${key}`
    const inFlight = rendering.get(flight)
    if (inFlight) {
      const shared = await inFlight
      if (shared) {
        stats.hits++
        return answer(c, shared, 'hit')
      }
    }
    let settle: (entry: Entry | undefined) => void = () => {}
    const own = new Promise<Entry | undefined>((resolve) => (settle = resolve))
    if (!inFlight) rendering.set(flight, own)
    stats.misses++
    try {
      await next()
      if (c.res.status !== 200) return
      const body = new Uint8Array(await c.res.arrayBuffer())
      const fresh: Entry = {
        body,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        headers: storedHeaders(c.res.headers, c.req.path, body),
        expires: Date.now() + options.ttlMs,
        bytes: body.byteLength + key.length + 256,
      }
      // An edit that committed while this was rendered raised the version: the next request empties it.
      if (seen === version) lru.set(key, fresh)
      settle(fresh)
      c.res = undefined
      c.res = answer(c, fresh, 'miss')
    } finally {
      settle(undefined)
      if (rendering.get(flight) === own) rendering.delete(flight)
    }
  }
  return Object.assign(middleware, { stats: () => ({ ...stats, entries: lru.size, bytes: lru.bytes }) })

  function answer(c: Context<AppEnv>, entry: Entry, state: 'hit' | 'miss'): Response {
    const headers = { ...entry.headers, etag: entry.etag, 'x-kassa-cache': state }
    if (matches(c.req.header('if-none-match'), entry.etag)) {
      stats.notModified++
      return c.body(null, 304, { ...headers, 'cache-control': CATALOG_CACHE_CONTROL, vary: CATALOG_VARY })
    }
    return c.body(entry.body as Uint8Array<ArrayBuffer>, 200, headers)
  }
}

function cacheKey(c: Context<AppEnv>): string {
  const url = new URL(c.req.url)
  const params = [...url.searchParams].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
  const query = new URLSearchParams(params).toString()
  const locale = negotiateLocale(c, url.searchParams.get('locale') ?? undefined)
  return `${c.get('channel').id} ${locale} ${url.pathname}?${query}`
}

function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === tag)
}

const KEPT = ['content-type', 'content-language']

/** The headers an entry replays, with its purge keys (`Surrogate-Key` for Fastly, `Cache-Tag` for Cloudflare). */
function storedHeaders(from: Headers, path: string, body: Uint8Array): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const name of KEPT) {
    const value = from.get(name)
    if (value !== null) headers[name] = value
  }
  const tags = purgeKeys(path, body)
  headers['surrogate-key'] = tags.join(' ')
  headers['cache-tag'] = tags.join(',')
  return headers
}

const SINGULAR: Record<string, string> = { products: 'product', collections: 'collection', categories: 'category', regions: 'region' }

/**
 * `catalog`, the listing's kind (`products`) for lists, and one key per record shown (`product:<id>`):
 * what catalog events name, so a CDN purges exactly the pages an edit changes.
 */
export function purgeKeys(path: string, body: Uint8Array): string[] {
  const kind = path.split('/')[2] ?? ''
  const one = SINGULAR[kind] ?? kind
  const keys = new Set(['catalog'])
  try {
    const json = JSON.parse(Buffer.from(body).toString('utf8')) as { data?: { id?: string }[] } & Record<string, { id?: string } | undefined>
    if (Array.isArray(json.data)) {
      keys.add(kind)
      for (const item of json.data) if (item?.id) keys.add(`${one}:${item.id}`)
    }
    const single = json[one]
    if (single && typeof single === 'object' && 'id' in single && single.id) keys.add(`${one}:${single.id}`)
  } catch {
    // Not JSON: the catalog key alone.
  }
  return [...keys]
}
