import type { Middleware } from 'openapi-fetch'
import { type ClientBaseOptions, createKassaClient, type FetchFunction, type KassaClient, type StorePaths } from './client.js'
import type {
  Cart,
  OrderReturn,
  ReturnRequestInput,
  CartCreateInput,
  CartLineAddInput,
  CartPaymentConfirmInput,
  CartPaymentInput,
  CartUpdateInput,
  Customer,
  CustomerAddress,
  CustomerAddressInput,
  CustomerAddressUpdateInput,
  CustomerExport,
  CustomerLoginInput,
  CustomerOrderPage,
  CustomerRegisterInput,
  CustomerSession,
  CustomerUpdateInput,
  Order,
  ShippingOptionQuote,
  StoreCategory,
  StoreCollection,
  StoreProduct,
  StoreProductListQuery,
  StoreProductPage,
  StoreProductQuery,
  StoreRegion,
} from './types.js'

/** Options of the calls that move money: an `Idempotency-Key` makes a retry replay the first answer. */
export interface IdempotentCallOptions {
  idempotencyKey?: string
}

/** Options of {@link createStoreClient}. */
export interface StoreClientOptions {
  /** Where the API answers, e.g. `https://shop.example.com`. */
  baseUrl: string
  /** The sales channel's publishable key (`pk_...`), sent as `x-publishable-api-key`. */
  publishableKey: string
  /** Content language sent as `Accept-Language`; a call's `locale` query wins over it. */
  locale?: string
  /** Replaces the global `fetch` (for example an in-process app's `app.fetch`). */
  fetch?: FetchFunction
  /** A customer session token from `auth.login`, sent as `Authorization: Bearer`. */
  customerToken?: string
}

/** The Store API client: typed `GET`/`POST`/... for every `/store/*` path plus named catalog calls. */
export interface StoreClient extends KassaClient<StorePaths> {
  products: {
    /** A page of published products; `q` searches, the rest filter and sort. */
    list(query?: StoreProductListQuery): Promise<StoreProductPage>
    /** A published product by handle; rejects with `product.not_found` otherwise. */
    get(handle: string, query?: StoreProductQuery): Promise<StoreProduct>
  }
  collections: {
    /** Every collection. */
    list(query?: { locale?: string }): Promise<StoreCollection[]>
    /** A collection by handle; rejects with `collection.not_found` otherwise. */
    get(handle: string, query?: { locale?: string }): Promise<StoreCollection>
  }
  categories: {
    /** Every category, a tree by `parent_id`, ordered by `position`. */
    list(query?: { locale?: string }): Promise<StoreCategory[]>
    /** A category by handle; rejects with `category.not_found` otherwise. */
    get(handle: string, query?: { locale?: string }): Promise<StoreCategory>
  }
  regions: {
    /** Every region: pick one by the buyer's country to create a cart in. */
    list(): Promise<StoreRegion[]>
    /** A region by id; rejects with `region.not_found` otherwise. */
    get(id: string): Promise<StoreRegion>
  }
  carts: {
    /** A new cart in a region; every total is computed by the server. */
    create(input: CartCreateInput): Promise<Cart>
    get(id: string): Promise<Cart>
    /** Sets the email and addresses (countries must belong to the cart's region). */
    update(id: string, input: CartUpdateInput): Promise<Cart>
    /** Adds a variant; adding one the cart holds adds to its line. */
    addLine(id: string, input: CartLineAddInput): Promise<Cart>
    updateLine(id: string, lineId: string, quantity: number): Promise<Cart>
    removeLine(id: string, lineId: string): Promise<Cart>
    /** The shipping options that can ship the cart, priced for it. */
    shippingOptions(id: string): Promise<ShippingOptionQuote[]>
    setShippingMethod(id: string, shippingOptionId: string): Promise<Cart>
    /** Adds a promotion code; rejects with `promotion.not_found` for an unknown code. One that does not apply shows in `cart.promotions` with its `reason`. */
    addPromotion(id: string, code: string): Promise<Cart>
    /** Removes a promotion code; rejects with `promotion.code_not_found` when the cart does not hold it. */
    removePromotion(id: string, code: string): Promise<Cart>
    /** Creates (or replaces) the payment session: a provider id and the provider's token, never card data. */
    setPayment(id: string, input: CartPaymentInput, options?: IdempotentCallOptions): Promise<Cart>
    /** After `payment.requires_action`: confirms the payment and places the order. */
    confirmPayment(id: string, input?: CartPaymentConfirmInput, options?: IdempotentCallOptions): Promise<Order>
    /**
     * Places the order. Rejects with `cart.incomplete` (`body.missing`), `payment.declined`,
     * `payment.requires_action` or `inventory.insufficient` (`body.variants`). With
     * `expected_total` (the total the buyer was shown), rejects with `cart.total_changed`
     * (`body.expected_total`, `body.total`) and changes nothing when the total is now another.
     */
    complete(id: string, options?: IdempotentCallOptions & { expected_total?: number }): Promise<Order>
  }
  orders: {
    /** An order, read as a guest with the `order_token` the completion answered (or, without one, as its signed-in customer). */
    get(id: string, orderToken?: string): Promise<Order>
    /** Asks to return shipped units of some lines, with a reason; rejects with `order.quantity_unavailable` beyond what shipped. */
    requestReturn(id: string, orderToken: string, input: ReturnRequestInput): Promise<OrderReturn>
  }
  /** The customer session token sent with each request, if any. */
  readonly customerToken: string | undefined
  /** Replaces (or with `undefined` drops) the customer session token. */
  setCustomerToken(token: string | undefined): void
  auth: {
    /** Signs a customer in and keeps the token; `cart_id` hands a guest cart over. Rejects with `auth.invalid_credentials` or `auth.too_many_attempts`. */
    login(input: CustomerLoginInput): Promise<CustomerSession>
    /** Signs out and drops the token. */
    logout(): Promise<void>
    /** Sends a reset link if the email has an account (answers the same either way). */
    requestPasswordReset(email: string, locale?: string): Promise<void>
    /** Sets a new password with the token from the reset link. */
    resetPassword(token: string, password: string): Promise<void>
    /** Verifies the email with the token from the verification link. */
    verifyEmail(token: string): Promise<void>
  }
  customers: {
    /** Creates an account; then `auth.login`. Rejects with `customer.email_taken`. */
    register(input: CustomerRegisterInput): Promise<Customer>
    /** The signed-in customer. */
    me(): Promise<Customer>
    /** Changes the profile; a new email needs `current_password`. */
    update(input: CustomerUpdateInput): Promise<Customer>
    /** Changes the password; every other session is signed out. */
    changePassword(currentPassword: string, newPassword: string): Promise<void>
    /** Sends a link that verifies the current email. */
    requestVerification(locale?: string): Promise<void>
    addresses: {
      list(): Promise<CustomerAddress[]>
      create(input: CustomerAddressInput): Promise<CustomerAddress>
      update(id: string, input: CustomerAddressUpdateInput): Promise<CustomerAddress>
      delete(id: string): Promise<void>
    }
    orders: {
      /** The signed-in customer's orders, newest first. */
      list(query?: { limit?: number; cursor?: string }): Promise<CustomerOrderPage>
      get(id: string): Promise<Order>
    }
    /** Everything the shop keeps about the signed-in customer. */
    export(): Promise<CustomerExport>
  }
}

/**
 * A client for the Store API of one sales channel.
 * @example
 * const store = createStoreClient({ baseUrl: 'http://localhost:9000', publishableKey: 'pk_...' })
 * const { data, next_cursor } = await store.products.list({ q: 'linen', limit: 12 })
 * const product = await store.products.get(data[0].handle)
 * @example
 * let cart = await store.carts.create({ region_id })
 * cart = await store.carts.addLine(cart.id, { variant_id, quantity: 1 })
 * const order = await store.carts.complete(cart.id, { idempotencyKey: crypto.randomUUID() })
 */
export function createStoreClient(options: StoreClientOptions): StoreClient {
  const headers: Record<string, string> = { 'x-publishable-api-key': options.publishableKey }
  if (options.locale) headers['accept-language'] = options.locale
  const base: ClientBaseOptions = { baseUrl: options.baseUrl, headers, ...(options.fetch && { fetch: options.fetch }) }
  let customerToken = options.customerToken
  const auth: Middleware = {
    onRequest({ request }) {
      if (customerToken && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${customerToken}`)
      return request
    },
  }
  const client = createKassaClient<StorePaths>(base, [auth])
  return {
    ...client,
    get customerToken() {
      return customerToken
    },
    setCustomerToken(token) {
      customerToken = token
    },
    products: {
      list: (query = {}) => client.GET('/store/products', { params: { query } }),
      get: async (handle, query = {}) => (await client.GET('/store/products/{handle}', { params: { path: { handle }, query } })).product,
    },
    collections: {
      list: async (query = {}) => (await client.GET('/store/collections', { params: { query } })).data,
      get: async (handle, query = {}) =>
        (await client.GET('/store/collections/{handle}', { params: { path: { handle }, query } })).collection,
    },
    categories: {
      list: async (query = {}) => (await client.GET('/store/categories', { params: { query } })).data,
      get: async (handle, query = {}) => (await client.GET('/store/categories/{handle}', { params: { path: { handle }, query } })).category,
    },
    regions: {
      list: async () => (await client.GET('/store/regions')).data,
      get: async (id) => (await client.GET('/store/regions/{id}', { params: { path: { id } } })).region,
    },
    carts: {
      create: async (body) => (await client.POST('/store/carts', { body })).cart,
      get: async (id) => (await client.GET('/store/carts/{id}', { params: { path: { id } } })).cart,
      update: async (id, body) => (await client.PATCH('/store/carts/{id}', { params: { path: { id } }, body })).cart,
      addLine: async (id, body) => (await client.POST('/store/carts/{id}/line-items', { params: { path: { id } }, body })).cart,
      updateLine: async (id, line_id, quantity) =>
        (await client.PATCH('/store/carts/{id}/line-items/{line_id}', { params: { path: { id, line_id } }, body: { quantity } })).cart,
      removeLine: async (id, line_id) =>
        (await client.DELETE('/store/carts/{id}/line-items/{line_id}', { params: { path: { id, line_id } } })).cart,
      shippingOptions: async (id) => (await client.GET('/store/carts/{id}/shipping-options', { params: { path: { id } } })).data,
      setShippingMethod: async (id, shipping_option_id) =>
        (await client.POST('/store/carts/{id}/shipping-method', { params: { path: { id } }, body: { shipping_option_id } })).cart,
      addPromotion: async (id, code) =>
        (await client.POST('/store/carts/{id}/promotions', { params: { path: { id } }, body: { code } })).cart,
      removePromotion: async (id, code) =>
        (await client.DELETE('/store/carts/{id}/promotions/{code}', { params: { path: { id, code } } })).cart,
      setPayment: async (id, body, options = {}) =>
        (await client.POST('/store/carts/{id}/payment', { params: { path: { id }, header: idempotencyHeader(options) }, body })).cart,
      confirmPayment: async (id, body = {}, options = {}) =>
        (await client.POST('/store/carts/{id}/payment/confirm', { params: { path: { id }, header: idempotencyHeader(options) }, body })).order,
      complete: async (id, options = {}) =>
        (
          await client.POST('/store/carts/{id}/complete', {
            params: { path: { id }, header: idempotencyHeader(options) },
            ...(options.expected_total !== undefined && { body: { expected_total: options.expected_total } }),
          })
        ).order,
    },
    orders: {
      get: async (id, orderToken) =>
        (
          await client.GET('/store/orders/{id}', {
            params: { path: { id }, header: orderToken === undefined ? {} : { 'x-order-token': orderToken } },
          })
        ).order,
      requestReturn: async (id, orderToken, input) =>
        (
          await client.POST('/store/orders/{id}/returns', {
            params: { path: { id }, header: { 'x-order-token': orderToken } },
            body: input,
          })
        ).return,
    },
    auth: {
      async login(body) {
        const session = await client.POST('/store/auth/login', { body })
        customerToken = session.token
        return session
      },
      async logout() {
        await client.POST('/store/auth/logout')
        customerToken = undefined
      },
      requestPasswordReset: async (email, locale) => {
        await client.POST('/store/auth/password-reset', { body: { email, ...(locale && { locale }) } })
      },
      resetPassword: async (token, password) => {
        await client.POST('/store/auth/password-reset/confirm', { body: { token, password } })
      },
      verifyEmail: async (token) => {
        await client.POST('/store/auth/verify-email', { body: { token } })
      },
    },
    customers: {
      register: async (body) => (await client.POST('/store/customers', { body })).customer,
      me: async () => (await client.GET('/store/customers/me')).customer,
      update: async (body) => (await client.PATCH('/store/customers/me', { body })).customer,
      changePassword: async (current_password, new_password) => {
        await client.POST('/store/customers/me/password', { body: { current_password, new_password } })
      },
      requestVerification: async (locale) => {
        await client.POST('/store/customers/me/verification', { body: locale ? { locale } : {} })
      },
      addresses: {
        list: async () => (await client.GET('/store/customers/me/addresses')).data,
        create: async (body) => (await client.POST('/store/customers/me/addresses', { body })).address,
        update: async (id, body) => (await client.PATCH('/store/customers/me/addresses/{id}', { params: { path: { id } }, body })).address,
        delete: async (id) => {
          await client.DELETE('/store/customers/me/addresses/{id}', { params: { path: { id } } })
        },
      },
      orders: {
        list: (query = {}) => client.GET('/store/customers/me/orders', { params: { query } }),
        get: async (id) => (await client.GET('/store/customers/me/orders/{id}', { params: { path: { id } } })).order,
      },
      export: () => client.GET('/store/customers/me/export'),
    },
  }
}

function idempotencyHeader(options: IdempotentCallOptions): { 'idempotency-key'?: string } {
  return options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}
}
