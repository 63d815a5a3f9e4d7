import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { addCartPromotion, addCodeSchema, CartErrors, ChannelErrors, PromotionErrors, removeCartPromotion } from '@kassa/core'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { CartSchema } from '../schemas/cart.js'

const tags = ['Store: carts and checkout']
const security = [{ publishableKey: [] }]
const writeErrors = [ChannelErrors.keyMissing, ChannelErrors.keyInvalid, CartErrors.notFound, CartErrors.completed, CartErrors.completing]
const cartResponse = jsonResponse(z.object({ cart: CartSchema }), 'The cart, every total recomputed')

const add = createRoute({
  method: 'post',
  path: '/carts/{id}/promotions',
  operationId: 'storeAddCartPromotion',
  summary: 'Add a promotion code (case-insensitive)',
  description:
    'An unknown code is `404 promotion.not_found`. A code that exists but does not apply is kept on the cart: ' +
    '`promotions` shows it with `applied: false` and a `reason`.',
  tags,
  security,
  request: { params: z.object({ id: z.string().max(64) }), body: jsonBody(addCodeSchema.meta({ id: 'CartPromotionInput' })) },
  responses: { 200: cartResponse, ...errorResponses(...writeErrors, PromotionErrors.notFound) },
})

const remove = createRoute({
  method: 'delete',
  path: '/carts/{id}/promotions/{code}',
  operationId: 'storeDeleteCartPromotion',
  summary: 'Remove a promotion code from the cart',
  tags,
  security,
  request: { params: z.object({ id: z.string().max(64), code: z.string().max(64) }) },
  responses: { 200: cartResponse, ...errorResponses(...writeErrors, PromotionErrors.codeNotFound) },
})

export function storePromotionRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctxOf = (c: Context<AppEnv>) => c.get('commerce').ctx(c.get('actor'), c.get('channel'))
  app.openapi(add, async (c) => c.json({ cart: await addCartPromotion(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(remove, async (c) => {
    const { id, code } = c.req.valid('param')
    return c.json({ cart: await removeCartPromotion(ctxOf(c), id, code) }, 200)
  })
  return app
}
