import { AuthErrors, authenticateAdmin, type Commerce } from '@kassa/core'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'

/** Requires `Authorization: Bearer <session token>` of an admin user. */
export function adminAuth(commerce: Commerce): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    if (!match) throw AuthErrors.unauthenticated()
    c.set('actor', await authenticateAdmin(commerce.ctx(), match[1]!))
    await next()
  }
}
