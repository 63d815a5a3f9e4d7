import type { Middleware } from 'openapi-fetch'
import { type AdminPaths, createKassaClient, type FetchFunction, type KassaClient } from './client.js'
import type {
  AdminCustomerListQuery,
  AdminCustomerPage,
  AdminProductListQuery,
  AdminProductPage,
  AdminSession,
  Customer,
  Product,
  ProductCreateInput,
  ProductUpdateInput,
} from './types.js'

/** Options of {@link createAdminClient}. */
export interface AdminClientOptions {
  /** Where the API answers, e.g. `https://shop.example.com`. */
  baseUrl: string
  /** A session token from `login`, or a secret API key; sent as `Authorization: Bearer`. */
  token?: string
  /** Replaces the global `fetch` (for example an in-process app's `app.fetch`). */
  fetch?: FetchFunction
}

/** The Admin API client: typed `GET`/`POST`/... for every `/admin/*` path plus named calls. */
export interface AdminClient extends KassaClient<AdminPaths> {
  /** The bearer token sent with each request, if any. */
  readonly token: string | undefined
  /** Signs in and keeps the session token for the calls that follow; rejects with `auth.invalid_credentials`. */
  login(email: string, password: string): Promise<AdminSession>
  /** Replaces (or with `undefined` drops) the bearer token. */
  setToken(token: string | undefined): void
  products: {
    /** A page of products, newest first. */
    list(query?: AdminProductListQuery): Promise<AdminProductPage>
    /** A product by id; rejects with `product.not_found` otherwise. */
    get(id: string): Promise<Product>
    /** Creates a product with its options, variants and prices. */
    create(input: ProductCreateInput): Promise<Product>
    /** Updates a product; lists given replace the current ones. */
    update(id: string, input: ProductUpdateInput): Promise<Product>
    /** Deletes a product; rejects with `variant.in_use` while orders reference it. */
    delete(id: string): Promise<void>
  }
  customers: {
    /** A page of customers, newest first; `email` finds one account. */
    list(query?: AdminCustomerListQuery): Promise<AdminCustomerPage>
    /** A customer by id; rejects with `customer.not_found` otherwise. */
    get(id: string): Promise<Customer>
    /** Erases the customer's personal data; their orders keep amounts and lines. */
    erase(id: string): Promise<void>
  }
}

/**
 * A client for the Admin API.
 * @example
 * const admin = createAdminClient({ baseUrl: 'http://localhost:9000' })
 * await admin.login('owner@example.com', 'correct horse battery')
 * const product = await admin.products.create({ title: 'Linen shirt', status: 'published' })
 */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  let token = options.token
  const auth: Middleware = {
    onRequest({ request }) {
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`)
      return request
    },
  }
  const client = createKassaClient<AdminPaths>({ baseUrl: options.baseUrl, ...(options.fetch && { fetch: options.fetch }) }, [auth])
  return {
    ...client,
    get token() {
      return token
    },
    setToken(next) {
      token = next
    },
    async login(email, password) {
      const session = await client.POST('/admin/auth/login', { body: { email, password } })
      token = session.token
      return session
    },
    products: {
      list: (query = {}) => client.GET('/admin/products', { params: { query } }),
      get: async (id) => (await client.GET('/admin/products/{id}', { params: { path: { id } } })).product,
      create: async (input) => (await client.POST('/admin/products', { body: input })).product,
      update: async (id, input) => (await client.PATCH('/admin/products/{id}', { params: { path: { id } }, body: input })).product,
      delete: async (id) => {
        await client.DELETE('/admin/products/{id}', { params: { path: { id } } })
      },
    },
    customers: {
      list: (query = {}) => client.GET('/admin/customers', { params: { query } }),
      get: async (id) => (await client.GET('/admin/customers/{id}', { params: { path: { id } } })).customer,
      erase: async (id) => {
        await client.DELETE('/admin/customers/{id}', { params: { path: { id } } })
      },
    },
  }
}
