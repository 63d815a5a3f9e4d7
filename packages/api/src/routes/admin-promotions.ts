import { OpenAPIHono, z } from '@hono/zod-openapi'
import {
  addCodesSchema,
  addPromotionCodes,
  AuthErrors,
  createPromotion,
  decodeCursor,
  deletePromotion,
  encodeCursor,
  generateCodesSchema,
  generatePromotionCodes,
  getPromotion,
  limitSchema,
  listPromotionCodes,
  listPromotionOrders,
  listPromotions,
  promotionCreateSchema,
  PromotionErrors,
  promotionUpdateSchema,
  setPromotionActive,
  updatePromotion,
} from '@kassa/core'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { errorResponses, jsonBody, jsonResponse, listOf } from '../schemas/common.js'
import { PromotionCodeSchema, PromotionDetailSchema, PromotionOrderSchema, PromotionSchema } from '../schemas/promotions.js'
import { adminRoute } from './admin-route.js'
import { withQueryPaths } from '../errors.js'

const TAG = 'promotions'
const authErrors = [AuthErrors.unauthenticated, AuthErrors.sessionExpired]
const idParam = z.object({ id: z.string().max(64) })
const listQuery = z.object({ limit: limitSchema, cursor: z.string().max(2000).optional() })
const promotion = jsonResponse(z.object({ promotion: PromotionDetailSchema }), 'The promotion')
const codesResponse = jsonResponse(z.object({ data: z.array(PromotionCodeSchema), next_cursor: z.null() }), 'The new codes')
const cursorValue = z.string().max(200)

const routes = {
  list: adminRoute(TAG, 'promotions:read', {
    method: 'get',
    path: '/promotions',
    operationId: 'adminListPromotions',
    summary: 'Promotions, by id',
    request: { query: listQuery },
    responses: { 200: jsonResponse(listOf(PromotionSchema), 'Promotions'), ...errorResponses(...authErrors) },
  }),
  create: adminRoute(TAG, 'promotions:write', {
    method: 'post',
    path: '/promotions',
    operationId: 'adminCreatePromotion',
    summary: 'Create a promotion: a rule (the discount), conditions, codes or automatic, limits, stacking',
    request: { body: jsonBody(promotionCreateSchema.meta({ id: 'PromotionCreateInput' })) },
    responses: { 201: promotion, ...errorResponses(...authErrors, PromotionErrors.codeTaken) },
  }),
  get: adminRoute(TAG, 'promotions:read', {
    method: 'get',
    path: '/promotions/{id}',
    operationId: 'adminGetPromotion',
    summary: 'A promotion with its usage counts',
    request: { params: idParam },
    responses: { 200: promotion, ...errorResponses(...authErrors, PromotionErrors.notFound) },
  }),
  update: adminRoute(TAG, 'promotions:write', {
    method: 'patch',
    path: '/promotions/{id}',
    operationId: 'adminUpdatePromotion',
    summary: 'Change a promotion; orders placed before keep what they got',
    request: { params: idParam, body: jsonBody(promotionUpdateSchema.meta({ id: 'PromotionUpdateInput' })) },
    responses: { 200: promotion, ...errorResponses(...authErrors, PromotionErrors.notFound) },
  }),
  remove: adminRoute(TAG, 'promotions:write', {
    method: 'delete',
    path: '/promotions/{id}',
    operationId: 'adminDeletePromotion',
    summary: 'Delete a promotion and its codes; orders keep their snapshot',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(...authErrors, PromotionErrors.notFound) },
  }),
  activate: adminRoute(TAG, 'promotions:write', {
    method: 'post',
    path: '/promotions/{id}/activate',
    operationId: 'adminActivatePromotion',
    summary: 'Activate a promotion',
    request: { params: idParam },
    responses: { 200: promotion, ...errorResponses(...authErrors, PromotionErrors.notFound) },
  }),
  deactivate: adminRoute(TAG, 'promotions:write', {
    method: 'post',
    path: '/promotions/{id}/deactivate',
    operationId: 'adminDeactivatePromotion',
    summary: 'Deactivate a promotion: carts show its codes as not applied (inactive)',
    request: { params: idParam },
    responses: { 200: promotion, ...errorResponses(...authErrors, PromotionErrors.notFound) },
  }),
  listCodes: adminRoute(TAG, 'promotions:read', {
    method: 'get',
    path: '/promotions/{id}/codes',
    operationId: 'adminListPromotionCodes',
    summary: "A promotion's codes with their uses, by code",
    request: { params: idParam, query: listQuery },
    responses: { 200: jsonResponse(listOf(PromotionCodeSchema), 'Codes'), ...errorResponses(...authErrors, PromotionErrors.notFound) },
  }),
  addCodes: adminRoute(TAG, 'promotions:write', {
    method: 'post',
    path: '/promotions/{id}/codes',
    operationId: 'adminAddPromotionCodes',
    summary: 'Add codes to a promotion (unique case-insensitively across promotions)',
    request: { params: idParam, body: jsonBody(addCodesSchema.meta({ id: 'PromotionCodesInput' })) },
    responses: { 201: codesResponse, ...errorResponses(...authErrors, PromotionErrors.notFound, PromotionErrors.codeTaken) },
  }),
  generateCodes: adminRoute(TAG, 'promotions:write', {
    method: 'post',
    path: '/promotions/{id}/codes/generate',
    operationId: 'adminGeneratePromotionCodes',
    summary: 'Generate N unique random codes, single-use unless usage_limit says otherwise',
    request: { params: idParam, body: jsonBody(generateCodesSchema.meta({ id: 'PromotionCodesGenerateInput' })) },
    responses: { 201: codesResponse, ...errorResponses(...authErrors, PromotionErrors.notFound, PromotionErrors.codeTaken) },
  }),
  orders: adminRoute(TAG, 'promotions:read', {
    method: 'get',
    path: '/promotions/{id}/orders',
    operationId: 'adminListPromotionOrders',
    summary: 'The orders that used a promotion and what each got off',
    request: { params: idParam, query: listQuery },
    responses: { 200: jsonResponse(listOf(PromotionOrderSchema), 'Orders'), ...errorResponses(...authErrors, PromotionErrors.notFound) },
  }),
}

/** One page: `limit` rows and the cursor of the next page (null at the end). */
function page<T>(rows: T[], limit: number, key: (row: T) => string) {
  return { data: rows, next_cursor: rows.length === limit ? encodeCursor(key(rows[rows.length - 1]!)) : null }
}

export function adminPromotionRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: Context<AppEnv>) => c.get('commerce').ctx(c.get('actor'))
  const after = (cursor: string | undefined) => (cursor ? { after: decodeCursor(cursor, cursorValue) } : {})
  const r = routes
  // withQueryPaths: a bad cursor is named as the query parameter the client sent (query.cursor).
  app.openapi(r.list, async (c) => {
    const { limit, cursor } = c.req.valid('query')
    return c.json(page(await withQueryPaths(() => listPromotions(ctx(c), { limit, ...after(cursor) })), limit, (p) => p.id), 200)
  })
  app.openapi(r.create, async (c) => c.json({ promotion: await createPromotion(ctx(c), c.req.valid('json')) }, 201))
  app.openapi(r.get, async (c) => c.json({ promotion: await getPromotion(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(r.update, async (c) => c.json({ promotion: await updatePromotion(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(r.remove, async (c) => {
    await deletePromotion(ctx(c), c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(r.activate, async (c) => c.json({ promotion: await setPromotionActive(ctx(c), c.req.valid('param').id, true) }, 200))
  app.openapi(r.deactivate, async (c) => c.json({ promotion: await setPromotionActive(ctx(c), c.req.valid('param').id, false) }, 200))
  app.openapi(r.listCodes, async (c) => {
    const { limit, cursor } = c.req.valid('query')
    return c.json(page(await withQueryPaths(() => listPromotionCodes(ctx(c), c.req.valid('param').id, { limit, ...after(cursor) })), limit, (p) => p.code), 200)
  })
  app.openapi(r.addCodes, async (c) =>
    c.json({ data: await addPromotionCodes(ctx(c), c.req.valid('param').id, c.req.valid('json')), next_cursor: null }, 201),
  )
  app.openapi(r.generateCodes, async (c) =>
    c.json({ data: await generatePromotionCodes(ctx(c), c.req.valid('param').id, c.req.valid('json')), next_cursor: null }, 201),
  )
  app.openapi(r.orders, async (c) => {
    const { limit, cursor } = c.req.valid('query')
    return c.json(page(await withQueryPaths(() => listPromotionOrders(ctx(c), c.req.valid('param').id, { limit, ...after(cursor) })), limit, (p) => p.id), 200)
  })
  return app
}
