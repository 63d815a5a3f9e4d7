import { OpenAPIHono, z } from '@hono/zod-openapi'
import { limitSchema, listAuditLog } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { withQueryPaths } from '../errors.js'
import { AuditEntrySchema } from '../schemas/access.js'
import { errorResponses, jsonResponse, listOf } from '../schemas/common.js'
import { adminAuthErrors, adminRoute } from './admin-route.js'

const list = adminRoute('audit log', 'audit:read', {
  method: 'get',
  path: '/audit-log',
  operationId: 'adminListAuditLog',
  summary: 'Every admin write, newest first: who (user or key), what, when, on which entity',
  request: {
    query: z.object({
      actor_id: z.string().max(64).optional().openapi({ description: 'An admin user id or an API key id' }),
      entity_id: z.string().max(64).optional(),
      operation_id: z.string().max(100).optional().openapi({ description: 'e.g. adminUpdateProduct' }),
      created_after: z.string().max(40).optional().openapi({ format: 'date-time' }),
      created_before: z.string().max(40).optional().openapi({ format: 'date-time' }),
      limit: limitSchema,
      cursor: z.string().max(2000).optional(),
    }),
  },
  responses: { 200: jsonResponse(listOf(AuditEntrySchema), 'A page of audit entries'), ...errorResponses(...adminAuthErrors) },
})

export function adminAuditRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  app.openapi(list, async (c) => {
    const q = c.req.valid('query')
    const input = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined))
    return c.json(await withQueryPaths(() => listAuditLog(c.get('commerce').ctx(c.get('actor')), input)), 200)
  })
  return app
}
