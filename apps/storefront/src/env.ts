import type { StoreClient } from '@kassa/sdk'
import type { Context } from 'hono'
import type { PageContext } from './layout.js'
import type { ShopData } from './shop-data.js'

/** What the routes share: the Store API client and the slow-changing shop data. */
export interface Deps {
  /** The shared client: anonymous, never given a customer token (catalog reads). */
  store: StoreClient
  /** A client of its own for one request, sending that visitor's customer token and address. */
  storeFor(token: string | undefined, ip: string | undefined): StoreClient
  data: ShopData
}

export type SfEnv = {
  Variables: {
    page: PageContext
    /** This request's Store API client: the visitor's own when signed in, else the shared anonymous one. */
    store: StoreClient
  }
}
export type SfContext = Context<SfEnv>

export const COOKIES = {
  cart: 'kassa_cart',
  cartCount: 'kassa_cart_count',
  region: 'kassa_region',
  order: 'kassa_order',
  customer: 'kassa_customer',
}

/** Catalog pages are the same for everyone in a language and region: shared caches may keep them a minute. */
export function cacheablePage(c: SfContext): void {
  c.header('cache-control', 'public, max-age=60, stale-while-revalidate=600')
  // The region lives in a cookie, so responses differ by it.
  c.header('vary', 'cookie')
}

/** Carts, checkout and orders are one buyer's: never stored by any cache. */
export function personalPage(c: SfContext): void {
  c.header('cache-control', 'private, no-store')
}
