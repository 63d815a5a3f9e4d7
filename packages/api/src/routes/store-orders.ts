import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { ChannelErrors, CUSTOMER_SESSION_ERRORS, getMyOrder, getOrderWithToken, OrderErrors, OrderLifecycleErrors, requestReturnWithToken, returnRequestSchema } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { OrderSchema } from '../schemas/cart.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { OrderReturnSchema } from '../schemas/orders.js'

const getOrder = createRoute({
  method: 'get',
  path: '/orders/{id}',
  operationId: 'storeGetOrder',
  tags: ['Store: carts and checkout'],
  summary: 'An order, for the guest holding its token (header x-order-token) or the signed-in customer it belongs to',
  security: [{ publishableKey: [] }],
  request: { params: z.object({ id: z.string().max(64) }), headers: z.object({ 'x-order-token': z.string().max(200).optional() }) },
  responses: {
    200: jsonResponse(z.object({ order: OrderSchema }), 'The order'),
    ...errorResponses(ChannelErrors.keyMissing, ChannelErrors.keyInvalid, ...CUSTOMER_SESSION_ERRORS, OrderErrors.notFound),
  },
})

const requestReturn = createRoute({
  method: 'post',
  path: '/orders/{id}/returns',
  operationId: 'storeRequestReturn',
  tags: ['Store: carts and checkout'],
  summary: 'Ask to return shipped units of some lines, with a reason (the guest holding the order token)',
  security: [{ publishableKey: [] }],
  request: {
    params: z.object({ id: z.string().max(64) }),
    headers: z.object({ 'x-order-token': z.string().max(200).optional() }),
    body: jsonBody(returnRequestSchema.meta({ id: 'StoreReturnRequestInput' })),
  },
  responses: {
    201: jsonResponse(z.object({ return: OrderReturnSchema }), 'The return, waiting to be received'),
    ...errorResponses(
      ChannelErrors.keyMissing,
      ChannelErrors.keyInvalid,
      OrderErrors.notFound,
      OrderLifecycleErrors.closed,
      OrderLifecycleErrors.lineNotFound,
      OrderLifecycleErrors.quantityUnavailable,
    ),
  },
})

export function storeOrderRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  app.openapi(getOrder, async (c) => {
    const ctx = c.get('commerce').ctx(c.get('actor'), c.get('channel'))
    const { id } = c.req.valid('param')
    const token = c.req.header('x-order-token')
    // A signed-in customer without a token reads what their account shows (their orders, guest orders of a verified email).
    if (ctx.actor.type === 'customer' && token === undefined) return c.json({ order: await getMyOrder(ctx, id) }, 200)
    return c.json({ order: await getOrderWithToken(ctx, id, token) }, 200)
  })
  app.openapi(requestReturn, async (c) => {
    const ctx = c.get('commerce').ctx(c.get('actor'), c.get('channel'))
    const created = await requestReturnWithToken(ctx, c.req.valid('param').id, c.req.header('x-order-token'), c.req.valid('json'))
    return c.json({ return: created }, 201)
  })
  return app
}
