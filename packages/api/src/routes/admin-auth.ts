import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { adminLoginSchema, AuthErrors, loginAdmin, ThrottleErrors } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { clientIp } from '../middleware/client-ip.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  operationId: 'adminLogin',
  tags: ['Admin: auth'],
  summary: 'Sign in as an admin user; returns a bearer token',
  request: { body: jsonBody(adminLoginSchema.meta({ id: 'AdminLoginInput' })) },
  responses: {
    200: jsonResponse(
      z.object({
        token: z.string(),
        expires_at: z.string(),
        user: z.object({ id: z.string(), email: z.string(), role: z.string(), created_at: z.string() }),
      }),
      'A session token for Authorization: Bearer',
    ),
    ...errorResponses(AuthErrors.invalidCredentials, ThrottleErrors.tooManyAttempts),
  },
})

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
