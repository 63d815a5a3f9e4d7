import type { Middleware } from 'openapi-fetch'
import { type AdminRegionCalls, type AdminSettingsCalls, regionCalls, settingsCalls } from './admin-settings.js'
import { type AdminPaths, createKassaClient, type FetchFunction, type KassaClient } from './client.js'
import type {
  AdminCustomerListQuery,
  AdminCustomerPage,
  AdminMe,
  AdminOrderListQuery,
  AdminOrderPage,
  AdminProductListQuery,
  AdminProductPage,
  AdminSession,
  ApiKey,
  ApiKeyCreated,
  ApiKeyCreateInput,
  Customer,
  Fulfillment,
  FulfillmentCreateInput,
  FulfillmentShipInput,
  Order,
  OrderDetail,
  PaymentTransaction,
  Product,
  PriceBatchInput,
  ProductCreateInput,
  ProductOptionInput,
  ProductOptionUpdateInput,
  ProductUpdateInput,
  PromotionCode,
  PromotionCodesGenerateInput,
  PromotionCreateInput,
  PromotionDetail,
  PromotionOrder,
  PromotionUpdateInput,
  RefundInput,
  Variant,
  VariantInput,
  VariantUpdateInput,
  InventoryLevel,
  StockLocation,
  VariantStock,
  PromotionPage,
  WebhookCreateInput,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  ReportOverview,
  ReportOverviewQuery,
  UploadedFile,
  UploadedFilePage,
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
export interface AdminClient extends KassaClient<AdminPaths>, AdminSettingsCalls {
  /** The bearer token sent with each request, if any. */
  readonly token: string | undefined
  /** Signs in and keeps the session token for the calls that follow; rejects with `auth.invalid_credentials`. */
  login(email: string, password: string): Promise<AdminSession>
  /** Replaces (or with `undefined` drops) the bearer token. */
  setToken(token: string | undefined): void
  /** Ends the session of the current token and forgets the token. */
  logout(): Promise<void>
  /** Who is calling and the permissions of its role: hide what the caller cannot do. */
  me(): Promise<AdminMe>
  apiKeys: {
    /** Every secret key, revoked ones included (never the secret). */
    list(): Promise<ApiKey[]>
    /** Creates a key scoped to a role; `secret` is in this answer only. Needs `settings:write`. */
    create(input: ApiKeyCreateInput): Promise<ApiKeyCreated>
    /** Revokes a key at once. */
    revoke(id: string): Promise<ApiKey>
  }
  products: {
    /** A page of products, newest first. */
    list(query?: AdminProductListQuery): Promise<AdminProductPage>
    /** A product by id; rejects with `product.not_found` otherwise. */
    get(id: string): Promise<Product>
    /** Creates a product with its options, variants and prices. */
    create(input: ProductCreateInput): Promise<Product>
    /** Updates a product; lists given replace the current ones. */
    update(id: string, input: ProductUpdateInput): Promise<Product>
    /** Updates one variant: title, SKU, prices (the list given replaces the current one), stock settings. */
    updateVariant(id: string, variantId: string, input: VariantUpdateInput): Promise<Variant>
    /** Deletes a product; rejects with `variant.in_use` while orders reference it. */
    delete(id: string): Promise<void>
    /** Adds an option with its values; existing variants get no value for it. */
    addOption(id: string, input: ProductOptionInput): Promise<Product>
    /** Renames an option or replaces its values; rejects with `option.value_in_use` when a removed value is still used. */
    updateOption(id: string, optionId: string, input: ProductOptionUpdateInput): Promise<Product>
    /** Removes an option and its values from the product and its variants. */
    deleteOption(id: string, optionId: string): Promise<Product>
    /** Adds a variant with option values and prices. */
    addVariant(id: string, input: VariantInput): Promise<Variant>
  }
  prices: {
    /**
     * Sets many variants' prices by id in one transaction (up to 500 rows, one currency each; other prices stay).
     * Rejects with 422 `price.variants_unknown` (errors at `items.N.variant_id`) when a variant does not exist.
     */
    batch(items: PriceBatchInput['items'], options?: { idempotencyKey?: string }): Promise<{ prices: number; products: number }>
  }
  inventory: {
    /** Every stock location. */
    locations(): Promise<StockLocation[]>
    /** A variant's stock at each location. */
    variantStock(variantId: string): Promise<VariantStock>
    /** Sets the units a location holds; rejects with `inventory.below_reserved` under what is reserved. */
    setStock(variantId: string, locationId: string, stockedQuantity: number): Promise<InventoryLevel>
  }
  regions: AdminRegionCalls
  promotions: {
    /** A page of promotions, newest first, with their usage counts. */
    list(query?: { limit?: number; cursor?: string }): Promise<PromotionPage>
    /** Creates a promotion: its rule, conditions, codes (or automatic), limits and stacking. */
    create(input: PromotionCreateInput): Promise<PromotionDetail>
    /** A promotion by id with its usage counts; rejects with `promotion.not_found` otherwise. */
    get(id: string): Promise<PromotionDetail>
    /** Changes a promotion; orders placed before keep what they got. */
    update(id: string, input: PromotionUpdateInput): Promise<PromotionDetail>
    activate(id: string): Promise<PromotionDetail>
    deactivate(id: string): Promise<PromotionDetail>
    delete(id: string): Promise<void>
    /** Generates unique random codes (single-use unless `usage_limit` says otherwise). */
    generateCodes(id: string, input: PromotionCodesGenerateInput): Promise<PromotionCode[]>
    /** The first page of orders that used the promotion. */
    orders(id: string): Promise<PromotionOrder[]>
  }
  webhooks: {
    /** Every webhook endpoint. */
    list(): Promise<WebhookEndpoint[]>
    /** Creates an endpoint; `secret` (for verifying signatures) is in this answer only. */
    create(input: WebhookCreateInput): Promise<WebhookEndpointWithSecret>
    /** A page of an endpoint's deliveries, newest first; `status` narrows it. */
    deliveries(id: string, query?: { limit?: number; cursor?: string; status?: WebhookDelivery['status'] }): Promise<WebhookDeliveryPage>
    /** Sends a delivery's event again as a new delivery. */
    replayDelivery(deliveryId: string): Promise<WebhookDelivery>
  }
  uploads: {
    /**
     * Uploads an image (JPEG, PNG, WebP, GIF, AVIF; not SVG) for product media; put the answer's `url`
     * in a product's `media`. Rejects with `upload.too_large` or `upload.unsupported_type`.
     * @example const file = await admin.uploads.create(input.files[0])
     */
    create(file: Blob, name?: string): Promise<UploadedFile>
    /** A page of uploaded files, newest first. */
    list(query?: { limit?: number; cursor?: string }): Promise<UploadedFilePage>
    /** Deletes an upload; its object goes once no other upload has the same content. */
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
  reports: {
    /** Revenue, orders and average order value per currency (today, 7 and 30 days), revenue per day, top products, low stock. */
    overview(query?: ReportOverviewQuery): Promise<ReportOverview>
  }
  orders: {
    /** A page of orders, newest first, filtered by status, payment, fulfillment, creation window and `q` (number or email). */
    list(query?: AdminOrderListQuery): Promise<AdminOrderPage>
    /** Packs the unfulfilled units (or `items`) at a stock location. */
    fulfill(id: string, input?: FulfillmentCreateInput): Promise<{ order: Order; fulfillment: Fulfillment }>
    /** Marks a fulfillment shipped with carrier and tracking number. */
    ship(id: string, fulfillmentId: string, input: FulfillmentShipInput): Promise<{ order: Order; fulfillment: Fulfillment }>
    /** An order with its fulfillments, returns, payment transactions and timeline; rejects with `order.not_found`. */
    get(id: string): Promise<OrderDetail>
    /** Captures all that is left of the payment, or `amount`; the key makes a retry answer the first outcome. */
    capture(id: string, amount?: number, options?: { idempotencyKey?: string }): Promise<{ order: Order; transaction: PaymentTransaction }>
    /** Refunds through the provider, never more than captured minus refunded (`order.amount_exceeds_refundable`). */
    refund(id: string, input: RefundInput, options?: { idempotencyKey?: string }): Promise<{ order: Order; refund: PaymentTransaction }>
    /** Cancels an order that shipped nothing: stock released, payment voided or refunded. */
    cancel(id: string, reason?: string): Promise<Order>
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
    async logout() {
      await client.POST('/admin/auth/logout', {})
      token = undefined
    },
    me: async () => (await client.GET('/admin/auth/me', {})).me,
    apiKeys: {
      list: async () => (await client.GET('/admin/api-keys', {})).data,
      create: (input) => client.POST('/admin/api-keys', { body: input }),
      revoke: async (id) => (await client.POST('/admin/api-keys/{id}/revoke', { params: { path: { id } } })).api_key,
    },
    products: {
      list: (query = {}) => client.GET('/admin/products', { params: { query } }),
      get: async (id) => (await client.GET('/admin/products/{id}', { params: { path: { id } } })).product,
      create: async (input) => (await client.POST('/admin/products', { body: input })).product,
      update: async (id, input) => (await client.PATCH('/admin/products/{id}', { params: { path: { id } }, body: input })).product,
      updateVariant: async (id, variantId, input) =>
        (await client.PATCH('/admin/products/{id}/variants/{variant_id}', { params: { path: { id, variant_id: variantId } }, body: input }))
          .variant,
      delete: async (id) => {
        await client.DELETE('/admin/products/{id}', { params: { path: { id } } })
      },
      addOption: async (id, input) =>
        (await client.POST('/admin/products/{id}/options', { params: { path: { id } }, body: input })).product,
      updateOption: async (id, optionId, input) =>
        (await client.PATCH('/admin/products/{id}/options/{option_id}', { params: { path: { id, option_id: optionId } }, body: input }))
          .product,
      deleteOption: async (id, optionId) =>
        (await client.DELETE('/admin/products/{id}/options/{option_id}', { params: { path: { id, option_id: optionId } } })).product,
      addVariant: async (id, input) =>
        (await client.POST('/admin/products/{id}/variants', { params: { path: { id } }, body: input })).variant,
    },
    prices: {
      batch: async (items, options = {}) =>
        (await client.POST('/admin/prices/batch', { body: { items }, headers: idempotency(options) })).batch,
    },
    inventory: {
      locations: async () => (await client.GET('/admin/stock-locations', {})).data,
      variantStock: async (variantId) => (await client.GET('/admin/variants/{id}/stock', { params: { path: { id: variantId } } })).stock,
      setStock: async (variantId, locationId, stockedQuantity) =>
        (
          await client.PUT('/admin/variants/{id}/stock/{location_id}', {
            params: { path: { id: variantId, location_id: locationId } },
            body: { stocked_quantity: stockedQuantity },
          })
        ).inventory_level,
    },
    regions: regionCalls(client),
    ...settingsCalls(client),
    promotions: {
      list: (query = {}) => client.GET('/admin/promotions', { params: { query } }),
      create: async (input) => (await client.POST('/admin/promotions', { body: input })).promotion,
      get: async (id) => (await client.GET('/admin/promotions/{id}', { params: { path: { id } } })).promotion,
      update: async (id, input) => (await client.PATCH('/admin/promotions/{id}', { params: { path: { id } }, body: input })).promotion,
      activate: async (id) => (await client.POST('/admin/promotions/{id}/activate', { params: { path: { id } } })).promotion,
      deactivate: async (id) => (await client.POST('/admin/promotions/{id}/deactivate', { params: { path: { id } } })).promotion,
      delete: async (id) => {
        await client.DELETE('/admin/promotions/{id}', { params: { path: { id } } })
      },
      generateCodes: async (id, input) =>
        (await client.POST('/admin/promotions/{id}/codes/generate', { params: { path: { id } }, body: input })).data,
      orders: async (id) => (await client.GET('/admin/promotions/{id}/orders', { params: { path: { id }, query: {} } })).data,
    },
    webhooks: {
      list: async () => (await client.GET('/admin/webhooks', {})).data,
      create: async (input) => (await client.POST('/admin/webhooks', { body: input })).webhook_endpoint,
      deliveries: (id, query = {}) => client.GET('/admin/webhooks/{id}/deliveries', { params: { path: { id }, query } }),
      replayDelivery: async (deliveryId) =>
        (await client.POST('/admin/webhook-deliveries/{id}/replay', { params: { path: { id: deliveryId } } })).webhook_delivery,
    },
    uploads: {
      create: async (file, name) => {
        const form = new FormData()
        form.append('file', file, name ?? (file as { name?: string }).name ?? 'upload')
        if (name !== undefined) form.append('name', name)
        // openapi-fetch sends a FormData body as it is, with its multipart boundary.
        return (await client.POST('/admin/uploads', { body: form as unknown as { file: string } })).file
      },
      list: (query = {}) => client.GET('/admin/uploads', { params: { query } }),
      delete: async (id) => {
        await client.DELETE('/admin/uploads/{id}', { params: { path: { id } } })
      },
    },
    customers: {
      list: (query = {}) => client.GET('/admin/customers', { params: { query } }),
      get: async (id) => (await client.GET('/admin/customers/{id}', { params: { path: { id } } })).customer,
      erase: async (id) => {
        await client.DELETE('/admin/customers/{id}', { params: { path: { id } } })
      },
    },
    reports: {
      overview: async (query = {}) => (await client.GET('/admin/reports/overview', { params: { query } })).overview,
    },
    orders: {
      list: (query = {}) => client.GET('/admin/orders', { params: { query } }),
      fulfill: (id, input = {}) => client.POST('/admin/orders/{id}/fulfillments', { params: { path: { id } }, body: input }),
      ship: (id, fulfillmentId, input) =>
        client.POST('/admin/orders/{id}/fulfillments/{fulfillment_id}/ship', {
          params: { path: { id, fulfillment_id: fulfillmentId } },
          body: input,
        }),
      get: async (id) => (await client.GET('/admin/orders/{id}', { params: { path: { id } } })).order,
      capture: (id, amount, options = {}) =>
        client.POST('/admin/orders/{id}/capture', {
          params: { path: { id } },
          body: amount === undefined ? {} : { amount },
          headers: idempotency(options),
        }),
      refund: (id, input, options = {}) =>
        client.POST('/admin/orders/{id}/refunds', { params: { path: { id } }, body: input, headers: idempotency(options) }),
      cancel: async (id, reason) =>
        (await client.POST('/admin/orders/{id}/cancel', { params: { path: { id } }, body: reason === undefined ? {} : { reason } })).order,
    },
  }
}

function idempotency(options: { idempotencyKey?: string }): Record<string, string> {
  return options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}
}
