import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { ChannelErrors, getOrderWithToken, OrderErrors, OrderLifecycleErrors, requestReturnWithToken, returnRequestSchema } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { OrderSchema } from '../schemas/cart.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { OrderReturnSchema } from '../schemas/orders.js'

const getOrder = createRoute({
  method: 'get',
  path: '/orders/{id}',
  operationId: 'storeGetOrder',
  tags: ['Store: carts and checkout'],
  summary: 'An order, for the guest holding its token (header x-order-token)',
  security: [{ publishableKey: [] }],
  request: { params: z.object({ id: z.string().max(64) }), headers: z.object({ 'x-order-token': z.string().max(200).optional() }) },
  responses: {
    200: jsonResponse(z.object({ order: OrderSchema }), 'The order'),
    ...errorResponses(ChannelErrors.keyMissing, ChannelErrors.keyInvalid, OrderErrors.notFound),
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
    return c.json({ order: await getOrderWithToken(ctx, c.req.valid('param').id, c.req.header('x-order-token')) }, 200)
  })
  app.openapi(requestReturn, async (c) => {
    const ctx = c.get('commerce').ctx(c.get('actor'), c.get('channel'))
    const created = await requestReturnWithToken(ctx, c.req.valid('param').id, c.req.header('x-order-token'), c.req.valid('json'))
    return c.json({ return: created }, 201)
  })
  return app
}
