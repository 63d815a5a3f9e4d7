import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { ChannelErrors, getRegion, listRegions, type Region, RegionErrors } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { errorResponses, jsonResponse } from '../schemas/common.js'
import { StoreRegionSchema } from '../schemas/regions.js'

const storeErrors = [ChannelErrors.keyMissing, ChannelErrors.keyInvalid]
const base = { tags: ['Store: regions'], security: [{ publishableKey: [] }] }

const listRegionsRoute = createRoute({
  ...base,
  method: 'get',
  path: '/regions',
  operationId: 'storeListRegions',
  summary: 'Every region: its countries, currency and whether prices include tax',
  responses: {
    200: jsonResponse(z.object({ data: z.array(StoreRegionSchema), next_cursor: z.null() }), 'Regions'),
    ...errorResponses(...storeErrors),
  },
})

const getRegionRoute = createRoute({
  ...base,
  method: 'get',
  path: '/regions/{id}',
  operationId: 'storeGetRegion',
  summary: 'A region by id',
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: {
    200: jsonResponse(z.object({ region: StoreRegionSchema }), 'The region'),
    ...errorResponses(...storeErrors, RegionErrors.notFound),
  },
})

const storeRegion = (r: Region) => ({
  id: r.id,
  name: r.name,
  currency_code: r.currency_code,
  tax_inclusive: r.tax_inclusive,
  countries: r.countries,
})

export function storeRegionRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  app.openapi(listRegionsRoute, async (c) =>
    c.json({ data: (await listRegions(c.get('commerce').ctx())).map(storeRegion), next_cursor: null }, 200),
  )
  app.openapi(getRegionRoute, async (c) =>
    c.json({ region: storeRegion(await getRegion(c.get('commerce').ctx(), c.req.valid('param').id)) }, 200),
  )
  return app
}
