import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { ChannelErrors, getOrderWithToken, OrderErrors } from '@kassa/core'
import type { AppEnv } from '../env.js'
import { OrderSchema } from '../schemas/cart.js'
import { errorResponses, jsonResponse } from '../schemas/common.js'

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

export function storeOrderRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  app.openapi(getOrder, async (c) => {
    const ctx = c.get('commerce').ctx(c.get('actor'), c.get('channel'))
    return c.json({ order: await getOrderWithToken(ctx, c.req.valid('param').id, c.req.header('x-order-token')) }, 200)
  })
  return app
}
