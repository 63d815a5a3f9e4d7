import { OpenAPIHono, z } from '@hono/zod-openapi'
import {
  addDraftOrderLine,
  addLineSchema,
  AuthErrors,
  CartErrors,
  CatalogErrors,
  CheckoutErrors,
  convertDraftOrder,
  createDraftOrder,
  draftOrderCreateSchema,
  DraftOrderErrors,
  getDraftOrder,
  InventoryErrors,
  RegionErrors,
  setDraftOrderShipping,
  ShippingErrors,
  shippingMethodSchema,
} from '@kassa/core'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { CartSchema, OrderSchema } from '../schemas/cart.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { adminRoute } from './admin-route.js'

const authErrors = [AuthErrors.unauthenticated, AuthErrors.sessionExpired]
const idParam = z.object({ id: z.string().max(64) })
const draft = jsonResponse(z.object({ draft_order: CartSchema }), 'The draft order: a cart, every total computed by the server')
const write = <const R extends Parameters<typeof adminRoute>[2]>(r: R) => adminRoute('draft orders', 'orders:write', r)
const lineErrors = [CatalogErrors.variantNotFound, CartErrors.variantNotPriced, CartErrors.tooManyLines, CartErrors.completed]

const routes = {
  create: write({
    method: 'post',
    path: '/draft-orders',
    operationId: 'adminCreateDraftOrder',
    summary: 'Start a draft order (a phone order) with an email, an address, lines and a shipping option',
    request: { body: jsonBody(draftOrderCreateSchema.meta({ id: 'DraftOrderCreateInput' })) },
    responses: { 201: draft, ...errorResponses(...authErrors, RegionErrors.notFound, ...lineErrors, ShippingErrors.optionNotFound, ShippingErrors.unavailable) },
  }),
  get: adminRoute('draft orders', 'orders:read', {
    method: 'get',
    path: '/draft-orders/{id}',
    operationId: 'adminGetDraftOrder',
    summary: 'A draft order',
    request: { params: idParam },
    responses: { 200: draft, ...errorResponses(...authErrors, DraftOrderErrors.notFound) },
  }),
  addLine: write({
    method: 'post',
    path: '/draft-orders/{id}/line-items',
    operationId: 'adminAddDraftOrderLine',
    summary: 'Add a variant to a draft order',
    request: { params: idParam, body: jsonBody(addLineSchema.meta({ id: 'DraftOrderLineAddInput' })) },
    responses: { 200: draft, ...errorResponses(...authErrors, DraftOrderErrors.notFound, ...lineErrors) },
  }),
  shipping: write({
    method: 'post',
    path: '/draft-orders/{id}/shipping-method',
    operationId: 'adminSetDraftOrderShipping',
    summary: "Choose the draft order's shipping option",
    request: { params: idParam, body: jsonBody(shippingMethodSchema.meta({ id: 'DraftOrderShippingInput' })) },
    responses: { 200: draft, ...errorResponses(...authErrors, DraftOrderErrors.notFound, CartErrors.completed, ShippingErrors.optionNotFound, ShippingErrors.unavailable) },
  }),
  convert: write({
    method: 'post',
    path: '/draft-orders/{id}/convert',
    operationId: 'adminConvertDraftOrder',
    summary: 'Place the draft as an order paid with the manual provider (payment awaiting until captured)',
    request: { params: idParam },
    responses: {
      200: jsonResponse(z.object({ order: OrderSchema }), 'The order'),
      ...errorResponses(...authErrors, DraftOrderErrors.notFound, CartErrors.incomplete, CartErrors.completing, InventoryErrors.insufficient, CheckoutErrors.providerUnknown),
    },
  }),
}

export function adminDraftOrderRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctxOf = (c: Context<AppEnv>) => c.get('commerce').ctx(c.get('actor'))
  app.openapi(routes.create, async (c) => c.json({ draft_order: await createDraftOrder(ctxOf(c), c.req.valid('json')) }, 201))
  app.openapi(routes.get, async (c) => c.json({ draft_order: await getDraftOrder(ctxOf(c), c.req.valid('param').id) }, 200))
  app.openapi(routes.addLine, async (c) => c.json({ draft_order: await addDraftOrderLine(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(routes.shipping, async (c) =>
    c.json({ draft_order: await setDraftOrderShipping(ctxOf(c), c.req.valid('param').id, c.req.valid('json').shipping_option_id) }, 200),
  )
  app.openapi(routes.convert, async (c) => c.json({ order: await convertDraftOrder(ctxOf(c), c.req.valid('param').id) }, 200))
  return app
}
