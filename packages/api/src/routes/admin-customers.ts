import { OpenAPIHono, z } from '@hono/zod-openapi'
import { AuthErrors, CustomerErrors, eraseCustomer, getCustomer, limitSchema, listCustomerAddresses, listCustomers } from '@kassa/core'
import type { Context } from 'hono'
import type { AppEnv } from '../env.js'
import { withQueryPaths } from '../errors.js'
import { errorResponses, jsonResponse, listOf } from '../schemas/common.js'
import { CustomerAddressSchema, CustomerSchema } from '../schemas/customers.js'
import { adminRoute } from './admin-route.js'

const authErrors = [AuthErrors.unauthenticated, AuthErrors.sessionExpired]
const idParam = z.object({ id: z.string().max(64) })

const list = adminRoute('customers', 'customers:read', {
  method: 'get',
  path: '/customers',
  operationId: 'adminListCustomers',
  summary: 'Customers, newest first; `email` finds one account, `q` searches email and name',
  request: {
    query: z.object({
      email: z.string().max(254).optional().openapi({ description: 'Exact email address (any case)' }),
      q: z.string().max(200).optional().openapi({ description: 'Part of the email, first or last name (any case)' }),
      limit: limitSchema,
      cursor: z.string().max(500).optional(),
    }),
  },
  responses: { 200: jsonResponse(listOf(CustomerSchema), 'A page of customers'), ...errorResponses(...authErrors) },
})

const get = adminRoute('customers', 'customers:read', {
  method: 'get',
  path: '/customers/{id}',
  operationId: 'adminGetCustomer',
  summary: 'A customer',
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.object({ customer: CustomerSchema }), 'The customer'),
    ...errorResponses(...authErrors, CustomerErrors.notFound),
  },
})

const addresses = adminRoute('customers', 'customers:read', {
  method: 'get',
  path: '/customers/{id}/addresses',
  operationId: 'adminListCustomerAddresses',
  summary: "A customer's saved addresses, oldest first (their orders: GET /admin/orders?customer_id=)",
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.object({ data: z.array(CustomerAddressSchema), next_cursor: z.null() }), 'Addresses, oldest first'),
    ...errorResponses(...authErrors, CustomerErrors.notFound),
  },
})

const erase = adminRoute('customers', 'customers:write', {
  method: 'delete',
  path: '/customers/{id}',
  operationId: 'adminEraseCustomer',
  summary:
    "Erase a customer's personal data: name, email, phone, addresses, sessions; orders keep amounts and lines, lose email and addresses",
  request: { params: idParam },
  responses: { 204: { description: 'Erased' }, ...errorResponses(...authErrors, CustomerErrors.notFound) },
})

export function adminCustomerRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: Context<AppEnv>) => c.get('commerce').ctx(c.get('actor'))
  app.openapi(list, async (c) => {
    const q = c.req.valid('query')
    const input = { limit: q.limit, ...(q.email && { email: q.email }), ...(q.q && { q: q.q }), ...(q.cursor && { cursor: q.cursor }) }
    return c.json(await withQueryPaths(() => listCustomers(ctx(c), input)), 200)
  })
  app.openapi(get, async (c) => c.json({ customer: await getCustomer(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(addresses, async (c) =>
    c.json({ data: await listCustomerAddresses(ctx(c), c.req.valid('param').id), next_cursor: null }, 200),
  )
  app.openapi(erase, async (c) => {
    await eraseCustomer(ctx(c), c.req.valid('param').id)
    return c.body(null, 204)
  })
  return app
}
