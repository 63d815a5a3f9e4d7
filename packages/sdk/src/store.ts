import { type ClientBaseOptions, createKassaClient, type FetchFunction, type KassaClient, type StorePaths } from './client.js'
import type { StoreCategory, StoreCollection, StoreProduct, StoreProductListQuery, StoreProductPage, StoreProductQuery, StoreRegion } from './types.js'

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
}

/**
 * A client for the Store API of one sales channel.
 * @example
 * const store = createStoreClient({ baseUrl: 'http://localhost:9000', publishableKey: 'pk_...' })
 * const { data, next_cursor } = await store.products.list({ q: 'linen', limit: 12 })
 * const product = await store.products.get(data[0].handle)
 */
export function createStoreClient(options: StoreClientOptions): StoreClient {
  const headers: Record<string, string> = { 'x-publishable-api-key': options.publishableKey }
  if (options.locale) headers['accept-language'] = options.locale
  const base: ClientBaseOptions = { baseUrl: options.baseUrl, headers, ...(options.fetch && { fetch: options.fetch }) }
  const client = createKassaClient<StorePaths>(base)
  return {
    ...client,
    products: {
      list: (query = {}) => client.GET('/store/products', { params: { query } }),
      get: async (handle, query = {}) => (await client.GET('/store/products/{handle}', { params: { path: { handle }, query } })).product,
    },
    collections: {
      list: async (query = {}) => (await client.GET('/store/collections', { params: { query } })).data,
      get: async (handle, query = {}) => (await client.GET('/store/collections/{handle}', { params: { path: { handle }, query } })).collection,
    },
    categories: {
      list: async (query = {}) => (await client.GET('/store/categories', { params: { query } })).data,
      get: async (handle, query = {}) => (await client.GET('/store/categories/{handle}', { params: { path: { handle }, query } })).category,
    },
    regions: {
      list: async () => (await client.GET('/store/regions')).data,
      get: async (id) => (await client.GET('/store/regions/{id}', { params: { path: { id } } })).region,
    },
  }
}
