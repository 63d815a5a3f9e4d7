import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  addLine,
  addLineSchema,
  CartErrors,
  CatalogErrors,
  ChannelErrors,
  CheckoutErrors,
  CommonErrors,
  completeCart,
  completeCartSchema,
  CUSTOMER_SESSION_ERRORS,
  confirmPayment,
  createCart,
  createCartSchema,
  getCart,
  IdempotencyErrors,
  InventoryErrors,
  PromotionErrors,
  listCartShippingOptions,
  paymentConfirmSchema,
  paymentSessionSchema,
  RegionErrors,
  removeLine,
  setPaymentSession,
  setShippingMethod,
  shippingMethodSchema,
  ShippingErrors,
  updateCart,
  updateCartSchema,
  updateLine,
  updateLineSchema,
} from '@kassa/core'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { idempotent } from '../middleware/idempotency.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { CartSchema, OrderSchema, ShippingQuoteSchema } from '../schemas/cart.js'

const tags = ['Store: carts and checkout']
const security = [{ publishableKey: [] }]
const storeErrors = [ChannelErrors.keyMissing, ChannelErrors.keyInvalid, ...CUSTOMER_SESSION_ERRORS]
const cartParam = z.object({ id: z.string().max(64) })
const lineParam = z.object({ id: z.string().max(64), line_id: z.string().max(64) })
const writeErrors = [...storeErrors, CartErrors.notFound, CartErrors.completed, CartErrors.completing]
const idempotencyErrors = [IdempotencyErrors.keyReused, IdempotencyErrors.inProgress]
const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .max(255)
    .optional()
    .openapi({ description: 'Replays the first response to the same key (same body); see docs' }),
})

const cartResponse = jsonResponse(z.object({ cart: CartSchema }), 'The cart, every total recomputed')
const orderResponse = jsonResponse(z.object({ order: OrderSchema }), 'The order')
const route = <const R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ ...r, tags, security })

const create = route({
  method: 'post',
  path: '/carts',
  operationId: 'storeCreateCart',
  summary: "Create a cart in a region (the key's sales channel)",
  request: { body: jsonBody(createCartSchema.meta({ id: 'CartCreateInput' })) },
  responses: {
    201: jsonResponse(z.object({ cart: CartSchema }), 'The new cart'),
    ...errorResponses(...storeErrors, RegionErrors.notFound),
  },
})

const get = route({
  method: 'get',
  path: '/carts/{id}',
  operationId: 'storeGetCart',
  summary: 'A cart with its totals',
  request: { params: cartParam },
  responses: { 200: cartResponse, ...errorResponses(...storeErrors, CartErrors.notFound) },
})

const update = route({
  method: 'patch',
  path: '/carts/{id}',
  operationId: 'storeUpdateCart',
  summary: "Set the email and addresses (countries must be the region's)",
  request: { params: cartParam, body: jsonBody(updateCartSchema.meta({ id: 'CartUpdateInput' })) },
  responses: { 200: cartResponse, ...errorResponses(...writeErrors, RegionErrors.countryNotInRegion) },
})

const addItem = route({
  method: 'post',
  path: '/carts/{id}/line-items',
  operationId: 'storeAddCartLine',
  summary: 'Add a variant (adding one the cart holds adds to its line)',
  request: { params: cartParam, body: jsonBody(addLineSchema.meta({ id: 'CartLineAddInput' })) },
  responses: {
    200: cartResponse,
    ...errorResponses(
      ...writeErrors,
      CatalogErrors.variantNotFound,
      CartErrors.variantNotPriced,
      CartErrors.tooManyLines,
      CommonErrors.conflict,
    ),
  },
})

const updateItem = route({
  method: 'patch',
  path: '/carts/{id}/line-items/{line_id}',
  operationId: 'storeUpdateCartLine',
  summary: "Change a line's quantity",
  request: { params: lineParam, body: jsonBody(updateLineSchema.meta({ id: 'CartLineUpdateInput' })) },
  responses: { 200: cartResponse, ...errorResponses(...writeErrors, CartErrors.lineNotFound) },
})

const removeItem = route({
  method: 'delete',
  path: '/carts/{id}/line-items/{line_id}',
  operationId: 'storeDeleteCartLine',
  summary: 'Remove a line',
  request: { params: lineParam },
  responses: { 200: cartResponse, ...errorResponses(...writeErrors, CartErrors.lineNotFound) },
})

const shippingOptions = route({
  method: 'get',
  path: '/carts/{id}/shipping-options',
  operationId: 'storeListCartShippingOptions',
  summary: 'The shipping options that can ship the cart to its address, priced for it',
  request: { params: cartParam },
  responses: {
    200: jsonResponse(z.object({ data: z.array(ShippingQuoteSchema), next_cursor: z.null() }), 'Shipping options'),
    ...errorResponses(...storeErrors, CartErrors.notFound),
  },
})

const shippingMethod = route({
  method: 'post',
  path: '/carts/{id}/shipping-method',
  operationId: 'storeSetCartShippingMethod',
  summary: 'Choose a shipping option',
  request: { params: cartParam, body: jsonBody(shippingMethodSchema.meta({ id: 'CartShippingMethodInput' })) },
  responses: { 200: cartResponse, ...errorResponses(...writeErrors, ShippingErrors.optionNotFound, ShippingErrors.unavailable) },
})

const payment = route({
  method: 'post',
  path: '/carts/{id}/payment',
  operationId: 'storeSetCartPayment',
  summary: "Create (or replace) the cart's payment session with a provider token; card data never reaches Kassa",
  request: { params: cartParam, headers: idempotencyHeader, body: jsonBody(paymentSessionSchema.meta({ id: 'CartPaymentInput' })) },
  responses: { 200: cartResponse, ...errorResponses(...writeErrors, CheckoutErrors.providerUnknown, ...idempotencyErrors) },
})

const completionErrors = [
  ...writeErrors,
  CheckoutErrors.declined,
  CheckoutErrors.requiresAction,
  CheckoutErrors.providerUnknown,
  InventoryErrors.insufficient,
  PromotionErrors.usageLimitReached,
  CheckoutErrors.totalChanged,
  ...idempotencyErrors,
]

const confirm = route({
  method: 'post',
  path: '/carts/{id}/payment/confirm',
  operationId: 'storeConfirmCartPayment',
  summary: 'Confirm a payment that answered payment.requires_action, and complete the cart',
  request: { params: cartParam, headers: idempotencyHeader, body: jsonBody(paymentConfirmSchema.meta({ id: 'CartPaymentConfirmInput' })) },
  responses: { 200: orderResponse, ...errorResponses(...completionErrors, CheckoutErrors.nothingToConfirm) },
})

const complete = route({
  method: 'post',
  path: '/carts/{id}/complete',
  operationId: 'storeCompleteCart',
  summary: 'Place the order: reserve stock, authorize the payment, write the order (idempotent)',
  description:
    'Answers the order, also when the cart was completed before. `400 cart.incomplete` lists `missing`; `409 inventory.insufficient` lists `variants`. ' +
    'A failed completion charges nothing and holds no stock. Send `expected_total` (the total the buyer was shown, minor units): when the total ' +
    'computed now differs, `409 cart.total_changed` (with `expected_total` and `total`) and nothing happens; complete again with the new total.',
  request: {
    params: cartParam,
    headers: idempotencyHeader,
    body: { ...jsonBody(completeCartSchema.meta({ id: 'CartCompleteInput' })), required: false },
  },
  responses: { 200: orderResponse, ...errorResponses(...completionErrors, CartErrors.incomplete) },
})

export function storeCartRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctxOf = (c: Context<AppEnv>) => c.get('commerce').ctx(c.get('actor'), c.get('channel'))
  for (const path of ['/carts/:id/payment', '/carts/:id/payment/confirm', '/carts/:id/complete']) app.use(path, idempotent())

  app.openapi(create, async (c) => c.json({ cart: await createCart(ctxOf(c), c.req.valid('json')) }, 201))
  app.openapi(get, async (c) => c.json({ cart: await getCart(ctxOf(c), c.req.valid('param').id) }, 200))
  app.openapi(update, async (c) => c.json({ cart: await updateCart(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(addItem, async (c) => c.json({ cart: await addLine(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(updateItem, async (c) => {
    const { id, line_id } = c.req.valid('param')
    return c.json({ cart: await updateLine(ctxOf(c), id, line_id, c.req.valid('json')) }, 200)
  })
  app.openapi(removeItem, async (c) => {
    const { id, line_id } = c.req.valid('param')
    return c.json({ cart: await removeLine(ctxOf(c), id, line_id) }, 200)
  })
  app.openapi(shippingOptions, async (c) =>
    c.json({ data: await listCartShippingOptions(ctxOf(c), c.req.valid('param').id), next_cursor: null }, 200),
  )
  app.openapi(shippingMethod, async (c) => {
    const cart = await setShippingMethod(ctxOf(c), c.req.valid('param').id, c.req.valid('json').shipping_option_id)
    return c.json({ cart }, 200)
  })
  app.openapi(payment, async (c) => c.json({ cart: await setPaymentSession(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(confirm, async (c) => c.json({ order: await confirmPayment(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  app.openapi(complete, async (c) => c.json({ order: await completeCart(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200))
  return app
}
