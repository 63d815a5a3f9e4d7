import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { adminLoginSchema, AuthErrors, describeAdmin, loginAdmin, logoutAdmin, ThrottleErrors } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { clientIp } from '../middleware/client-ip.js'
import { AdminMeSchema, AdminUserSchema } from '../schemas/access.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { adminAuthErrors, adminRoute } from './admin-route.js'

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  operationId: 'adminLogin',
  tags: ['Admin: auth'],
  summary: 'Sign in as an admin user; returns a bearer token',
  request: { body: jsonBody(adminLoginSchema.meta({ id: 'AdminLoginInput' })) },
  responses: {
    200: jsonResponse(z.object({ token: z.string(), expires_at: z.string(), user: AdminUserSchema }), 'A session token for Authorization: Bearer'),
    ...errorResponses(AuthErrors.invalidCredentials, ThrottleErrors.tooManyAttempts),
  },
})

const logoutRoute = adminRoute('auth', 'authenticated', {
  method: 'post',
  path: '/auth/logout',
  operationId: 'adminLogout',
  summary: 'Revoke the session of the bearer token (a secret key is revoked through its own route)',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(...adminAuthErrors) },
})

const meRoute = adminRoute('auth', 'authenticated', {
  method: 'get',
  path: '/auth/me',
  operationId: 'adminGetMe',
  summary: 'Who is calling, with the permissions of its role',
  responses: { 200: jsonResponse(z.object({ me: AdminMeSchema }), 'The caller'), ...errorResponses(...adminAuthErrors) },
})

/** Sign-in: the one admin operation that needs no credential (mount before the admin auth middleware). */
export function adminAuthRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  app.openapi(loginRoute, async (c) => {
    const ip = clientIp(c)
    const session = await loginAdmin(c.get('commerce').ctx(), c.req.valid('json'), ip ? { ip } : {})
    c.header('cache-control', 'no-store')
    return c.json(session, 200)
  })
  return app
}

/** The caller's own session: sign-out and who am I. */
export function adminSessionRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  app.openapi(logoutRoute, async (c) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    if (token) await logoutAdmin(c.get('commerce').ctx(), token)
    return c.body(null, 204)
  })
  app.openapi(meRoute, async (c) => c.json({ me: await describeAdmin(c.get('commerce').ctx(c.get('actor'))) }, 200))
  return app
}
