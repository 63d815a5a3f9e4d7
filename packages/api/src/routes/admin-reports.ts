import { OpenAPIHono, z } from '@hono/zod-openapi'
import { reportOverview } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { withQueryPaths } from '../errors.js'
import { errorResponses, jsonResponse } from '../schemas/common.js'
import { OverviewSchema } from '../schemas/reports.js'
import { adminAuthErrors, adminRoute } from './admin-route.js'

const overview = adminRoute('reports', 'orders:read', {
  method: 'get',
  path: '/reports/overview',
  operationId: 'adminReportOverview',
  summary: 'Revenue, orders and average order value today / 7 / 30 days per currency, revenue per day, top products, low stock',
  request: {
    query: z.object({
      days: z.coerce
        .number()
        .int()
        .min(1)
        .max(90)
        .optional()
        .openapi({ description: 'Days of the daily series and top products (default 30)' }),
      low_stock: z.coerce
        .number()
        .int()
        .min(0)
        .max(1000)
        .optional()
        .openapi({ description: 'At most this many units free is low (default 5)' }),
    }),
  },
  responses: { 200: jsonResponse(z.object({ overview: OverviewSchema }), 'The overview'), ...errorResponses(...adminAuthErrors) },
})

export function adminReportRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  app.openapi(overview, async (c) => {
    const q = c.req.valid('query')
    const input = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined))
    return c.json({ overview: await withQueryPaths(() => reportOverview(c.get('commerce').ctx(c.get('actor')), input)) }, 200)
  })
  return app
}
