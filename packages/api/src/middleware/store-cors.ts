import { type Commerce, findAllowedOrigins, listAllAllowedOrigins } from '@kassa/core'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'

const TTL_MS = 30_000
const ALLOW_HEADERS = 'content-type, x-publishable-api-key, authorization, idempotency-key, accept-language, if-none-match, x-order-token'
const EXPOSE_HEADERS = 'etag, x-request-id, content-language, idempotent-replayed'

/**
 * CORS for the Store API from the sales channels' allowed origins. A preflight carries no
 * publishable key, so it is allowed for an origin that any channel lists; the request itself is
 * answered with CORS headers only when its key's channel lists the origin. An unlisted origin gets
 * no CORS headers at all, and the browser refuses it. Origins are cached for 30 s.
 */
export function storeCors(commerce: Commerce): MiddlewareHandler<AppEnv> {
  let all: { origins: Set<string>; expires: number } | undefined
  const byChannel = new Map<string, { origins: string[]; expires: number }>()
  const anyChannelAllows = async (origin: string) => {
    if (!all || all.expires < Date.now()) all = { origins: await listAllAllowedOrigins(commerce.ctx()), expires: Date.now() + TTL_MS }
    return all.origins.has(origin)
  }
  const channelAllows = async (channelId: string, origin: string) => {
    let entry = byChannel.get(channelId)
    if (!entry || entry.expires < Date.now()) {
      entry = { origins: await findAllowedOrigins(commerce.ctx(), channelId), expires: Date.now() + TTL_MS }
      if (byChannel.size > 1000) byChannel.clear()
      byChannel.set(channelId, entry)
    }
    return entry.origins.includes(origin)
  }

  return async (c, next) => {
    const origin = c.req.header('origin')?.toLowerCase()
    if (c.req.method === 'OPTIONS' && origin && c.req.header('access-control-request-method')) {
      const headers: Record<string, string> = { vary: 'Origin' }
      if (await anyChannelAllows(origin)) {
        Object.assign(headers, {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
          'access-control-allow-headers': ALLOW_HEADERS,
          'access-control-max-age': '600',
        })
      }
      return c.body(null, 204, headers)
    }
    await next()
    const vary = c.res.headers.get('vary')
    c.res.headers.set('vary', vary ? `${vary}, Origin` : 'Origin')
    const channel = c.get('channel')
    if (origin && channel && (await channelAllows(channel.id, origin))) {
      c.res.headers.set('access-control-allow-origin', origin)
      c.res.headers.set('access-control-expose-headers', EXPOSE_HEADERS)
    }
  }
}
