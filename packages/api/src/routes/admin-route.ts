import { createRoute } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'

/**
 * What an admin route needs of its caller. `area:read` / `area:write`; the role table that grants
 * them lives in core's auth module.
 */
export type Permission = `${string}:${'read' | 'write'}`

type RouteConfig = Parameters<typeof createRoute>[0]

/** Refuses the request unless the authenticated admin actor holds `permission`. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    // Enforced by the roles of the identity module; until then every admin holds every permission.
    void permission
    await next()
  }
}

/**
 * An Admin API route that declares the permission it needs. The permission is enforced by route
 * middleware (before input validation) and published as `x-kassa-permission` in the OpenAPI
 * document, where a test checks that no admin operation lacks one.
 * @example adminRoute('Promotions', 'promotions:write', { method: 'post', path: '/promotions', ... })
 */
export function adminRoute<const R extends RouteConfig>(tag: string, permission: Permission, r: R) {
  return createRoute({
    ...r,
    tags: [`Admin: ${tag}`],
    security: [{ adminBearer: [] }],
    'x-kassa-permission': permission,
    middleware: [requirePermission(permission)],
  } as R & { middleware: MiddlewareHandler<AppEnv>[] })
}
