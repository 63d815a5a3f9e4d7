import { authenticateCustomer, channelForPublishableKey, type Commerce, CommonErrors, CustomerSessionErrors, type SalesChannelRef } from '@kassa/core'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'

const KEY_TTL_MS = 30_000

/** The Store routes that belong to one buyer: never cached by shared caches, and where a customer session counts. */
export const PRIVATE_STORE_PATH = /^\/store\/(carts|orders|customers|auth)(\/|$)/

/**
 * Resolves `x-publishable-api-key` to its sales channel. Lookups are cached for 30 s so catalog
 * reads cost no query for the key; a revoked key stops working within that window. With
 * `Authorization: Bearer <customer session>` on a buyer's route (carts, orders, customers, auth)
 * the actor becomes that customer; the catalog is the same for everyone and ignores it.
 */
export function storeAuth(commerce: Commerce): MiddlewareHandler<AppEnv> {
  const cache = new Map<string, { channel: SalesChannelRef; expires: number }>()
  return async (c, next) => {
    // Feeds are fetched by URL (Merchant Center sends no headers): they also take the key as `?key=`.
    const token = c.req.header('x-publishable-api-key') ?? (c.req.path.startsWith('/store/feeds/') ? c.req.query('key') : undefined)
    const now = Date.now()
    let entry = token ? cache.get(token) : undefined
    if (!entry || entry.expires < now) {
      const channel = await channelForPublishableKey(commerce.ctx(), token)
      entry = { channel, expires: now + KEY_TTL_MS }
      if (cache.size > 1000) cache.clear()
      cache.set(token!, entry)
    }
    c.set('channel', entry.channel)
    c.set('actor', { type: 'guest' })
    // A signed-in customer sends their session next to the key; on a buyer's route a bad token is refused, never ignored.
    const authorization = c.req.header('authorization')
    if (authorization !== undefined && PRIVATE_STORE_PATH.test(c.req.path)) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1]
      if (!token) throw CustomerSessionErrors.invalid()
      c.set('actor', await authenticateCustomer(commerce.ctx(undefined, entry.channel), token))
    }
    await next()
  }
}

/** The locale of a store request: `?locale=`, then Accept-Language, then the shop's default. */
export function negotiateLocale(c: Context<AppEnv>, requested: string | undefined): string {
  const { locales } = c.get('commerce').config
  if (requested) return locales.includes(requested) ? requested : locales[0]!
  const header = c.req.header('accept-language') ?? ''
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.find((p) => p.trim().startsWith('q='))
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 }
    })
    .filter((x) => x.lang && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q)
  return ranked.find((x) => locales.includes(x.lang))?.lang ?? locales[0]!
}

export function resolveCurrency(c: Context<AppEnv>, requested: string | undefined): string {
  return (requested ?? c.get('commerce').config.defaultCurrency).toUpperCase()
}

/** Turns a comma-separated or repeated query value into a clean list. */
export function listParam(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)
  return items.length ? items : undefined
}

/** `option=Color:Blue,Size:M` -> `{ Color: ['Blue'], Size: ['M'] }`. */
export function optionParam(value: string | string[] | undefined): Record<string, string[]> | undefined {
  const items = listParam(value)
  if (!items) return undefined
  const options: Record<string, string[]> = {}
  for (const [i, item] of items.entries()) {
    const at = item.indexOf(':')
    if (at <= 0 || at === item.length - 1) {
      throw CommonErrors.validation([{ path: `query.option.${i}`, code: 'invalid_format', message: 'Use Title:Value, e.g. Color:Blue' }])
    }
    ;(options[item.slice(0, at)] ??= []).push(item.slice(at + 1))
  }
  return options
}
