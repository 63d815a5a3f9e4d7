import { type Commerce, createAdminUser, ensureDefaultChannel, type KassaConfig, loginAdmin } from '@kassa/core'
import { createTestCommerce } from '@kassa/core/testing'
import { createApp, type KassaApp } from '../src/app.js'

export interface TestApi {
  commerce: Commerce
  app: KassaApp
  publishableKey: string
  adminToken: string
  /** A request through the real app (no socket). */
  request(path: string, init?: RequestInit): Promise<Response>
  store(path: string, init?: RequestInit): Promise<Response>
  admin(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>
  count(table: string): Promise<number>
  close(): Promise<void>
}

export const ADMIN = { email: 'owner@example.com', password: 'correct horse battery' }

/** A fresh database, the real app over it, a publishable key and a signed-in owner. */
export async function createTestApi(config: KassaConfig = {}): Promise<TestApi> {
  const commerce = await createTestCommerce(config)
  const app = createApp(commerce)
  const { publishableKey } = await ensureDefaultChannel(commerce.ctx())
  await createAdminUser(commerce.ctx(), { ...ADMIN, role: 'owner' })
  const { token } = await loginAdmin(commerce.ctx(), ADMIN)
  const request = (path: string, init?: RequestInit) => Promise.resolve(app.request(path, init))
  return {
    commerce,
    app,
    publishableKey,
    adminToken: token,
    request,
    store: (path, init = {}) => request(path, { ...init, headers: { 'x-publishable-api-key': publishableKey, ...init.headers } }),
    admin: (path, { json, ...init } = {}) =>
      request(path, {
        ...init,
        ...(json !== undefined && { body: JSON.stringify(json) }),
        headers: { authorization: `Bearer ${token}`, ...(json !== undefined && { 'content-type': 'application/json' }), ...init.headers },
      }),
    async count(table) {
      const row = await commerce.db
        .selectFrom(table as 'product')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },
    close: () => commerce.close(),
  }
}
