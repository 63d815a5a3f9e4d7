import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  addMyAddress,
  changePassword,
  changePasswordSchema,
  ChannelErrors,
  customerAddressSchema,
  CUSTOMER_SESSION_ERRORS,
  CustomerErrors,
  CustomerSessionErrors,
  deleteMyAddress,
  exportMyData,
  getMe,
  getMyOrder,
  limitSchema,
  listMyAddresses,
  listMyOrders,
  OrderErrors,
  registerCustomer,
  registerCustomerSchema,
  requestEmailVerification,
  ThrottleErrors,
  updateCustomerAddressSchema,
  updateCustomerSchema,
  updateMe,
  updateMyAddress,
  verificationRequestSchema,
} from '@kassa/core'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { withQueryPaths } from '../errors.js'
import { bearerToken, clientIp } from '../middleware/client-ip.js'
import { OrderSchema } from '../schemas/cart.js'
import { errorResponses, jsonBody, jsonResponse, listOf } from '../schemas/common.js'
import { CustomerAddressSchema, CustomerSchema } from '../schemas/customers.js'

const tags = ['Store: customers']
const storeErrors = [ChannelErrors.keyMissing, ChannelErrors.keyInvalid]
const sessionErrors = [CustomerSessionErrors.required, ...CUSTOMER_SESSION_ERRORS]
const meErrors = [...storeErrors, ...sessionErrors]
/** Routes of the signed-in customer: the publishable key and the customer's bearer token. */
const me = <const R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({ ...r, tags, security: [{ publishableKey: [], customerBearer: [] }] })
const noContent = { 204: { description: 'Done' } }
const idParam = z.object({ id: z.string().max(64) })
const customerResponse = jsonResponse(z.object({ customer: CustomerSchema }), 'The customer')
const addressResponse = jsonResponse(z.object({ address: CustomerAddressSchema }), 'The address')

const register = createRoute({
  method: 'post',
  path: '/customers',
  operationId: 'storeRegisterCustomer',
  tags,
  security: [{ publishableKey: [] }],
  summary: 'Create a customer account (email unverified until the verification link is followed)',
  request: { body: jsonBody(registerCustomerSchema.meta({ id: 'CustomerRegisterInput' })) },
  responses: {
    201: jsonResponse(z.object({ customer: CustomerSchema }), 'The new customer; sign in with POST /store/auth/login'),
    ...errorResponses(...storeErrors, ...CUSTOMER_SESSION_ERRORS, CustomerErrors.emailTaken, ThrottleErrors.tooManyAttempts),
  },
})

const getProfile = me({
  method: 'get',
  path: '/customers/me',
  operationId: 'storeGetCustomer',
  summary: "The signed-in customer's profile",
  responses: { 200: customerResponse, ...errorResponses(...meErrors) },
})

const updateProfile = me({
  method: 'patch',
  path: '/customers/me',
  operationId: 'storeUpdateCustomer',
  summary: 'Change name, phone or email (a new email needs current_password, must be free, and is unverified again)',
  request: { body: jsonBody(updateCustomerSchema.meta({ id: 'CustomerUpdateInput' })) },
  responses: {
    200: customerResponse,
    ...errorResponses(...meErrors, CustomerErrors.emailTaken, CustomerErrors.wrongPassword, ThrottleErrors.tooManyAttempts),
  },
})

const password = me({
  method: 'post',
  path: '/customers/me/password',
  operationId: 'storeChangeCustomerPassword',
  summary: 'Change the password; every other session is signed out',
  request: { body: jsonBody(changePasswordSchema.meta({ id: 'CustomerPasswordChangeInput' })) },
  responses: { ...noContent, ...errorResponses(...meErrors, CustomerErrors.wrongPassword, ThrottleErrors.tooManyAttempts) },
})

const verification = me({
  method: 'post',
  path: '/customers/me/verification',
  operationId: 'storeRequestEmailVerification',
  summary: 'Send a link that verifies the current email',
  request: { body: jsonBody(verificationRequestSchema.meta({ id: 'EmailVerificationRequestInput' })) },
  responses: { ...noContent, ...errorResponses(...meErrors) },
})

const listAddresses = me({
  method: 'get',
  path: '/customers/me/addresses',
  operationId: 'storeListCustomerAddresses',
  summary: "The signed-in customer's addresses",
  responses: {
    200: jsonResponse(z.object({ data: z.array(CustomerAddressSchema), next_cursor: z.null() }), 'Addresses, oldest first'),
    ...errorResponses(...meErrors),
  },
})

const addAddress = me({
  method: 'post',
  path: '/customers/me/addresses',
  operationId: 'storeCreateCustomerAddress',
  summary: 'Add an address (the first one becomes the default for shipping and billing)',
  request: { body: jsonBody(customerAddressSchema.meta({ id: 'CustomerAddressInput' })) },
  responses: { 201: addressResponse, ...errorResponses(...meErrors, CustomerErrors.tooManyAddresses) },
})

const updateAddress = me({
  method: 'patch',
  path: '/customers/me/addresses/{id}',
  operationId: 'storeUpdateCustomerAddress',
  summary: 'Change an address or make it a default',
  request: { params: idParam, body: jsonBody(updateCustomerAddressSchema.meta({ id: 'CustomerAddressUpdateInput' })) },
  responses: { 200: addressResponse, ...errorResponses(...meErrors, CustomerErrors.addressNotFound) },
})

const deleteAddress = me({
  method: 'delete',
  path: '/customers/me/addresses/{id}',
  operationId: 'storeDeleteCustomerAddress',
  summary: 'Delete an address',
  request: { params: idParam },
  responses: { ...noContent, ...errorResponses(...meErrors, CustomerErrors.addressNotFound) },
})

const listOrders = me({
  method: 'get',
  path: '/customers/me/orders',
  operationId: 'storeListCustomerOrders',
  summary: "The signed-in customer's orders, newest first (guest orders of a verified email included)",
  request: { query: z.object({ limit: limitSchema, cursor: z.string().max(500).optional() }) },
  responses: { 200: jsonResponse(listOf(OrderSchema), 'A page of orders'), ...errorResponses(...meErrors) },
})

const getOrder = me({
  method: 'get',
  path: '/customers/me/orders/{id}',
  operationId: 'storeGetCustomerOrder',
  summary: 'One order of the signed-in customer',
  request: { params: idParam },
  responses: { 200: jsonResponse(z.object({ order: OrderSchema }), 'The order'), ...errorResponses(...meErrors, OrderErrors.notFound) },
})

const exportData = me({
  method: 'get',
  path: '/customers/me/export',
  operationId: 'storeExportCustomerData',
  summary: 'Everything the shop keeps about the signed-in customer: profile, addresses, orders',
  responses: {
    200: jsonResponse(
      z.object({
        customer: CustomerSchema,
        addresses: z.array(CustomerAddressSchema),
        orders: z.array(OrderSchema),
        exported_at: z.string().openapi({ format: 'date-time' }),
      }),
      'The export',
    ),
    ...errorResponses(...meErrors),
  },
})

export function storeCustomerRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctxOf = (c: Context<AppEnv>) => c.get('commerce').ctx(c.get('actor'), c.get('channel'))

  app.openapi(register, async (c) => {
    const ip = clientIp(c)
    return c.json({ customer: await registerCustomer(ctxOf(c), c.req.valid('json'), ip ? { ip } : {}) }, 201)
  })
  app.openapi(getProfile, async (c) => c.json({ customer: await getMe(ctxOf(c)) }, 200))
  app.openapi(updateProfile, async (c) => {
    const ip = clientIp(c)
    return c.json({ customer: await updateMe(ctxOf(c), c.req.valid('json'), ip ? { ip } : {}) }, 200)
  })
  app.openapi(password, async (c) => {
    const ip = clientIp(c)
    await changePassword(ctxOf(c), c.req.valid('json'), bearerToken(c) ?? '', ip ? { ip } : {})
    return c.body(null, 204)
  })
  app.openapi(verification, async (c) => {
    await requestEmailVerification(ctxOf(c), c.req.valid('json'))
    return c.body(null, 204)
  })
  app.openapi(listAddresses, async (c) => c.json({ data: await listMyAddresses(ctxOf(c)), next_cursor: null }, 200))
  app.openapi(addAddress, async (c) => c.json({ address: await addMyAddress(ctxOf(c), c.req.valid('json')) }, 201))
  app.openapi(updateAddress, async (c) =>
    c.json({ address: await updateMyAddress(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200),
  )
  app.openapi(deleteAddress, async (c) => {
    await deleteMyAddress(ctxOf(c), c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(listOrders, async (c) => {
    const q = c.req.valid('query')
    return c.json(await withQueryPaths(() => listMyOrders(ctxOf(c), { limit: q.limit, ...(q.cursor && { cursor: q.cursor }) })), 200)
  })
  app.openapi(getOrder, async (c) => c.json({ order: await getMyOrder(ctxOf(c), c.req.valid('param').id) }, 200))
  app.openapi(exportData, async (c) => {
    c.header('content-disposition', 'attachment; filename="customer-export.json"')
    return c.json(await exportMyData(ctxOf(c)), 200)
  })
  return app
}
