import { OpenAPIHono, z } from '@hono/zod-openapi'
import {
  batchUpdateStock,
  CatalogErrors,
  createStockLocation,
  getVariantStock,
  InventoryErrors,
  listStockLocations,
  setStockLevel,
  stockBatchSchema,
  stockLevelInputSchema,
  stockLocationCreateSchema,
} from '@kassa/core'
import type { AppEnv } from '../env.js'
import { adminAuthErrors, adminRoute, type RoutePermission } from './admin-route.js'
import { errorResponses, jsonBody, jsonResponse, listOf } from '../schemas/common.js'

const authErrors = adminAuthErrors
const route = <const R extends Parameters<typeof adminRoute>[2]>(permission: RoutePermission, r: R) => adminRoute('inventory', permission, r)

const StockLocationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    sales_channel_ids: z.array(z.string()).openapi({ description: 'The sales channels that sell from this location' }),
    created_at: z.string().openapi({ format: 'date-time' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('StockLocation')

const InventoryLevelSchema = z
  .object({
    variant_id: z.string(),
    location_id: z.string(),
    stocked_quantity: z.number().int(),
    reserved_quantity: z.number().int().openapi({ description: 'Held by carts being checked out and by orders not yet fulfilled' }),
    available_quantity: z.number().int().openapi({ description: 'stocked - reserved; negative while backorders exceed stock' }),
    updated_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('InventoryLevel')

const VariantStockSchema = z
  .object({
    variant_id: z.string(),
    sku: z.string().nullable(),
    manage_inventory: z.boolean(),
    allow_backorder: z.boolean(),
    levels: z.array(InventoryLevelSchema),
  })
  .openapi('VariantStock')

const variantParam = z.object({ id: z.string().max(64) })

const listLocations = route('inventory:read', {
  method: 'get',
  path: '/stock-locations',
  operationId: 'adminListStockLocations',
  summary: 'All stock locations',
  responses: { 200: jsonResponse(listOf(StockLocationSchema), 'Stock locations'), ...errorResponses(...authErrors) },
})

const createLocation = route('inventory:write', {
  method: 'post',
  path: '/stock-locations',
  operationId: 'adminCreateStockLocation',
  summary: 'Create a stock location; the sales channels named sell from it from now on',
  request: { body: jsonBody(stockLocationCreateSchema.meta({ id: 'StockLocationCreateInput' })) },
  responses: {
    201: jsonResponse(z.object({ stock_location: StockLocationSchema }), 'The stock location'),
    ...errorResponses(...authErrors, InventoryErrors.channelNotFound),
  },
})

const getStock = route('inventory:read', {
  method: 'get',
  path: '/variants/{id}/stock',
  operationId: 'adminGetVariantStock',
  summary: "A variant's stock at each location",
  request: { params: variantParam },
  responses: {
    200: jsonResponse(z.object({ stock: VariantStockSchema }), 'The stock'),
    ...errorResponses(...authErrors, CatalogErrors.variantNotFound),
  },
})

const setStock = route('inventory:write', {
  method: 'put',
  path: '/variants/{id}/stock/{location_id}',
  operationId: 'adminSetVariantStock',
  summary: 'Set how many units a location holds; reserved units stay reserved',
  request: {
    params: z.object({ id: z.string().max(64), location_id: z.string().max(64) }),
    body: jsonBody(stockLevelInputSchema.meta({ id: 'StockLevelInput' })),
  },
  responses: {
    200: jsonResponse(z.object({ inventory_level: InventoryLevelSchema }), 'The stock level'),
    ...errorResponses(...authErrors, CatalogErrors.variantNotFound, InventoryErrors.locationNotFound, InventoryErrors.belowReserved),
  },
})

const batch = route('inventory:write', {
  method: 'post',
  path: '/stock/batch',
  operationId: 'adminBatchStock',
  summary: 'Set stock and prices of many variants by SKU, all or nothing',
  description:
    'One transaction: any bad row fails the batch with 400 `validation_failed`, one error per row (`items.3.sku`: `unknown_sku`, ' +
    '`items.3.location_id`: `not_found`, `items.3.stocked_quantity`: `below_reserved`, duplicates: `duplicate`). Rows without ' +
    "`location_id` set stock at the default sales channel's location. Prices are set per currency; other prices stay.",
  request: { body: jsonBody(stockBatchSchema.meta({ id: 'StockBatchInput' })) },
  responses: {
    200: jsonResponse(
      z.object({ batch: z.object({ items: z.number().int(), stock_levels: z.number().int(), prices: z.number().int() }) }),
      'How many rows, stock levels and prices were written',
    ),
    ...errorResponses(...authErrors, InventoryErrors.belowReserved),
  },
})

export function adminInventoryRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: { get: (k: 'commerce' | 'actor') => any }) => c.get('commerce').ctx(c.get('actor'))

  app.openapi(listLocations, async (c) => c.json({ data: await listStockLocations(ctx(c)), next_cursor: null }, 200))
  app.openapi(createLocation, async (c) => c.json({ stock_location: await createStockLocation(ctx(c), c.req.valid('json')) }, 201))
  app.openapi(getStock, async (c) => c.json({ stock: await getVariantStock(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(setStock, async (c) => {
    const p = c.req.valid('param')
    return c.json({ inventory_level: await setStockLevel(ctx(c), p.id, p.location_id, c.req.valid('json')) }, 200)
  })
  app.openapi(batch, async (c) => c.json({ batch: await batchUpdateStock(ctx(c), c.req.valid('json')) }, 200))
  return app
}
