import { createApp } from '@kassa/api'
import { type Commerce, createAdminUser, ensureDefaultChannel, loginAdmin, seedDemo } from '@kassa/core'
import { createTestCommerce } from '@kassa/core/testing'
import { createStorefront } from '../src/index.js'

export interface TestShop {
  commerce: Commerce
  api: ReturnType<typeof createApp>
  storefront: ReturnType<typeof createStorefront>
  publishableKey: string
  adminToken: string
  /** A request to the storefront through its app (no socket). */
  get(path: string, init?: RequestInit): Promise<Response>
  close(): Promise<void>
}

export const ADMIN = { email: 'owner@example.com', password: 'correct horse battery' }

/**
 * A fresh database with the demo seed (regions, shipping, stock, translated products), the real API
 * over it, and the storefront talking to that API through the SDK with the API's in-process fetch.
 * Tests may use the engine to build the shop; the storefront itself never imports it.
 */
export async function createTestShop(options: { products?: number; publicUrl?: string } = {}): Promise<TestShop> {
  const commerce = await createTestCommerce()
  const { publishableKey } = await ensureDefaultChannel(commerce.ctx())
  await seedDemo(commerce.ctx(), { products: options.products ?? 60 })
  await createAdminUser(commerce.ctx(), { ...ADMIN, role: 'owner' })
  const { token } = await loginAdmin(commerce.ctx(), ADMIN)
  const api = createApp(commerce)
  const storefront = createStorefront({
    apiUrl: 'http://kassa.test',
    publishableKey,
    fetch: (request) => api.fetch(request),
    publicUrl: options.publicUrl ?? 'https://shop.example',
  })
  return {
    commerce,
    api,
    storefront,
    publishableKey,
    adminToken: token,
    get: async (path, init) => storefront.request(path, init),
    close: () => commerce.close(),
  }
}
