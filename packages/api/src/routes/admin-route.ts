import { createRoute } from '@hono/zod-openapi'
import { AuthErrors, KassaError, type Permission, recordAudit, resolvePermissions } from '@kassa/core'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.js'

/**
 * What an admin route needs of its caller: a permission of core's list (`catalog:write`), or
 * `authenticated` for what every signed-in admin may do (its own session, who it is).
 */
export type RoutePermission = Permission | 'authenticated'

type RouteConfig = Parameters<typeof createRoute>[0]

/**
 * Refuses the request unless the authenticated admin actor holds `permission`: 401 without an
 * admin actor, 403 `auth.forbidden` naming the missing permission otherwise.
 */
export function requirePermission(permission: RoutePermission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor')
    if (actor?.type !== 'admin') throw AuthErrors.unauthenticated()
    if (permission !== 'authenticated' && !(await resolvePermissions(c.get('commerce').ctx(actor), actor.role)).includes(permission)) {
      throw new KassaError(AuthErrors.forbidden.code, 'forbidden', AuthErrors.forbidden(permission).message, { extra: { permission } })
    }
    await next()
  }
}

/**
 * Records every admin write that succeeds (any method but GET/HEAD on a route that needs more
 * than a `:read` permission, status below 400): who, the
 * operation, the path, the entity (the created resource's id on 201, else the last path id) and
 * the status. It runs as route middleware, so routes added later are covered without a line.
 */
export function auditWrite(operationId: string, permission: RoutePermission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    // A POST that only reads (a shipping quote preview) changes nothing worth auditing.
    if (permission.endsWith(':read')) return
    const actor = c.get('actor')
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 400 || actor?.type !== 'admin') return
    try {
      await recordAudit(c.get('commerce').ctx(actor), {
        actor_type: actor.via === 'api_key' ? 'api_key' : 'admin_user',
        actor_id: actor.id,
        operation_id: operationId,
        method: c.req.method,
        path: c.req.path,
        entity_id: (c.res.status === 201 ? await createdId(c.res) : undefined) ?? lastPathId(c.req.param()),
        status: c.res.status,
      })
    } catch (error) {
      // The write itself is committed: failing the response now would invite a duplicate retry.
      c.get('logger').error({ err: error, operation_id: operationId }, 'audit write failed')
    }
  }
}

async function createdId(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.clone().json()) as Record<string, unknown>
    for (const value of Object.values(body)) {
      if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id
    }
  } catch {
    // not JSON: no created id to read
  }
  return undefined
}

function lastPathId(params: Record<string, string>): string | null {
  const values = Object.values(params)
  return values.length ? values[values.length - 1]! : null
}

/**
 * An Admin API route that declares the permission it needs. The permission is enforced by route
 * middleware (before input validation) and published as `x-kassa-permission` in the OpenAPI
 * document, where a test checks that no admin operation lacks one. Successful writes are audited.
 * @example adminRoute('promotions', 'promotions:write', { method: 'post', path: '/promotions', ... })
 */
export function adminRoute<const R extends RouteConfig>(tag: string, permission: RoutePermission, r: R) {
  return createRoute({
    ...r,
    tags: [`Admin: ${tag}`],
    security: [{ adminBearer: [] }],
    'x-kassa-permission': permission,
    middleware: [requirePermission(permission), auditWrite(r.operationId ?? `${r.method} ${r.path}`, permission)],
  } as R & { middleware: MiddlewareHandler<AppEnv>[] })
}

/** The errors every admin route can answer before it runs: no or a bad credential, a missing permission. */
export const adminAuthErrors = [AuthErrors.unauthenticated, AuthErrors.tokenInvalid, AuthErrors.sessionExpired, AuthErrors.apiKeyInvalid, AuthErrors.forbidden]
