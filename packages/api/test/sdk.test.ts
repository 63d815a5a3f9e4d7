import { type AdminClient, createAdminClient, createStoreClient, isKassaApiError, KassaApiError, type StoreClient, type StoreProduct } from '@kassa/sdk'
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { ADMIN, createTestApi, type TestApi } from './helpers.js'

// The SDK talks to the real app in process: its fetch is the app's fetch, no socket, no stub.
const baseUrl = 'http://kassa.test'

let api: TestApi
let admin: AdminClient
let store: StoreClient

beforeAll(async () => {
  api = await createTestApi()
  const fetch = (request: Request) => api.app.fetch(request)
  admin = createAdminClient({ baseUrl, fetch })
  store = createStoreClient({ baseUrl, publishableKey: api.publishableKey, fetch })
  await admin.login(ADMIN.email, ADMIN.password)
})
afterAll(() => api.close())

/** Rejects with the KassaApiError that the call rejected with, or fails. */
async function apiError(promise: Promise<unknown>): Promise<KassaApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(KassaApiError)
  return error as KassaApiError
}

describe('@kassa/sdk against the real app', () => {
  it('signs in, keeps the token, and refuses wrong credentials with a code', async () => {
    expect(admin.token).toMatch(/\S{20,}/)
    const other = createAdminClient({ baseUrl, fetch: (r) => api.app.fetch(r) })
    const wrong = await apiError(other.login(ADMIN.email, 'wrong password'))
    expect(wrong).toMatchObject({ status: 401, code: 'auth.invalid_credentials' })
    expect(other.token).toBeUndefined()
    expect(await apiError(other.products.list())).toMatchObject({ status: 401, code: 'auth.unauthenticated' })
    other.setToken('not-a-session')
    expect(await apiError(other.products.list())).toMatchObject({ status: 401, code: 'auth.token_invalid' })
  })

  it('creates a secret key that signs the client in as its role, and revokes it', async () => {
    const { api_key, secret } = await admin.apiKeys.create({ title: 'SDK integration', role: 'read_only' })
    const integration = createAdminClient({ baseUrl, token: secret, fetch: (r) => api.app.fetch(r) })
    expect(await integration.me()).toMatchObject({ actor_type: 'api_key', id: api_key.id, role: 'read_only' })
    expect(await apiError(integration.products.create({ title: 'Nope' }))).toMatchObject({ status: 403, code: 'auth.forbidden' })
    expect((await admin.apiKeys.revoke(api_key.id)).revoked_at).not.toBeNull()
    expect(await apiError(integration.me())).toMatchObject({ status: 401, code: 'auth.api_key_invalid' })
    expect((await admin.apiKeys.list()).map((k) => k.id)).toContain(api_key.id)
  })

  it('signs out: the session token stops working', async () => {
    const other = createAdminClient({ baseUrl, fetch: (r) => api.app.fetch(r) })
    await other.login(ADMIN.email, ADMIN.password)
    const token = other.token!
    expect((await other.me()).permissions).toContain('settings:write')
    await other.logout()
    expect(other.token).toBeUndefined()
    other.setToken(token)
    expect(await apiError(other.me())).toMatchObject({ status: 401, code: 'auth.session_expired' })
  })

  it('creates a product through the Admin API that the Store API then lists and shows', async () => {
    const { collection } = await admin.POST('/admin/collections', { body: { title: 'Summer', translations: [{ locale: 'nl', title: 'Zomer' }] } })
    const created = await admin.products.create({
      title: 'Linen Shirt',
      status: 'published',
      collection_ids: [collection.id],
      options: [{ title: 'Size', values: ['S', 'M'] }],
      variants: [
        { sku: 'SDK-LS-S', options: { Size: 'S' }, prices: [{ currency_code: 'EUR', amount: 4995 }] },
        { sku: 'SDK-LS-M', options: { Size: 'M' }, prices: [{ currency_code: 'EUR', amount: 5495 }] },
      ],
      translations: [{ locale: 'nl', title: 'Linnen overhemd' }],
    })
    expect(created).toMatchObject({ handle: 'linen-shirt', status: 'published' })
    expect(created.variants.map((v) => v.sku)).toEqual(['SDK-LS-S', 'SDK-LS-M'])
    expect((await admin.products.get(created.id)).id).toBe(created.id)
    expect((await admin.products.list({ q: 'SDK-LS-M' })).data.map((p) => p.id)).toEqual([created.id])

    const page = await store.products.list({ collection: 'summer' })
    expect(page.data.map((p) => p.handle)).toEqual(['linen-shirt'])
    expect(page.next_cursor).toBeNull()
    const product = await store.products.get('linen-shirt')
    expect(product).toMatchObject({ id: created.id, title: 'Linen Shirt', currency_code: 'EUR', price_range: { min: 4995, max: 5495 } })
    expect((await store.collections.list()).map((c) => c.handle)).toEqual(['summer'])
    expect((await store.collections.get('summer')).id).toBe(collection.id)

    const dutch = createStoreClient({ baseUrl, publishableKey: api.publishableKey, locale: 'nl', fetch: (r) => api.app.fetch(r) })
    expect((await dutch.products.get('linen-shirt')).title).toBe('Linnen overhemd')
    expect((await dutch.collections.get('summer')).title).toBe('Zomer')
    expect((await dutch.products.get('linen-shirt', { locale: 'en' })).title).toBe('Linen Shirt')
  })

  it('updates and deletes through the Admin API; the Store API follows', async () => {
    const draft = await admin.products.create({ title: 'Wool Scarf', status: 'draft' })
    expect((await apiError(store.products.get(draft.handle))).code).toBe('product.not_found')
    const published = await admin.products.update(draft.id, { status: 'published', title: 'Wool Scarf, grey' })
    expect(published).toMatchObject({ status: 'published', title: 'Wool Scarf, grey' })
    expect((await store.products.get(draft.handle)).title).toBe('Wool Scarf, grey')
    await expect(admin.products.delete(draft.id)).resolves.toBeUndefined()
    expect(await apiError(admin.products.get(draft.id))).toMatchObject({ status: 404, code: 'product.not_found' })
  })

  it('surfaces a 404 as KassaApiError with the problem code, detail and request id', async () => {
    const res = await api.store('/store/products/no-such-thing')
    expect(res.status).toBe(404)
    const error = await apiError(store.products.get('no-such-thing'))
    expect(isKassaApiError(error)).toBe(true)
    expect(error).toMatchObject({ name: 'KassaApiError', status: 404, code: 'product.not_found' })
    expect(error.detail).toContain('no-such-thing')
    expect(error.requestId).not.toBe('')
    expect(error.errors).toBeUndefined()
    expect((await apiError(store.categories.get('no-such-thing'))).code).toBe('category.not_found')
    expect((await apiError(admin.GET('/admin/products/{id}', { params: { path: { id: 'prod_missing' } } }))).code).toBe('product.not_found')
  })

  it('surfaces invalid input as validation_failed with one error per field path', async () => {
    const body = {
      title: '',
      variants: [{ prices: [{ currency_code: 'EUR', amount: -1 }] }],
      total: 0,
    }
    // A body the generated types refuse is sent anyway, as an untyped client would.
    const error = await apiError(admin.products.create(body as unknown as Parameters<AdminClient['products']['create']>[0]))
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(error.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['title', 'variants.0.prices.0.amount', 'total']))
    expect(error.errors?.find((e) => e.path === 'total')?.code).toBe('unknown_field')

    const query = await apiError(store.products.list({ limit: 1000 }))
    expect(query.code).toBe('validation_failed')
    expect(query.errors?.map((e) => e.path)).toEqual(['query.limit'])
  })

  it('refuses an unknown publishable key with auth.publishable_key_invalid', async () => {
    const stranger = createStoreClient({ baseUrl, publishableKey: 'pk_unknown', fetch: (r) => api.app.fetch(r) })
    expect(await apiError(stranger.products.list())).toMatchObject({ status: 401, code: 'auth.publishable_key_invalid' })
  })

  it('turns a non-problem error response into KassaApiError http.<status>', async () => {
    // Not the app: what a proxy in front of it may answer.
    const proxy = createStoreClient({ baseUrl, publishableKey: 'pk_x', fetch: async () => new Response('<h1>Bad Gateway</h1>', { status: 502, headers: { 'x-request-id': 'req_1' } }) })
    expect(await apiError(proxy.products.list())).toMatchObject({ status: 502, code: 'http.502', detail: '<h1>Bad Gateway</h1>', requestId: 'req_1' })
  })

  it('depends on no other Kassa package, only on the HTTP contract', () => {
    const dir = new URL('../../sdk/src/', import.meta.url)
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    expect(files).toContain('index.ts')
    const imports = files.flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!))
    expect(imports.filter((spec) => !spec.startsWith('.') && spec !== 'openapi-fetch')).toEqual([])
  })

  it('types answers from the generated schema', () => {
    expectTypeOf(store.products.get).returns.resolves.toEqualTypeOf<StoreProduct>()
    expectTypeOf(admin.products.delete).returns.resolves.toBeVoid()
    expectTypeOf<ReturnType<typeof store.GET<'/store/collections/{handle}', { params: { path: { handle: string } } }>>>().resolves.toHaveProperty('collection')
    expectTypeOf<KassaApiError['code']>().extract<'product.not_found'>().toEqualTypeOf<'product.not_found'>()
    // @ts-expect-error a path parameter is required
    void (() => store.GET('/store/products/{handle}'))
    // @ts-expect-error Admin paths are not on the store client
    void (() => store.GET('/admin/products'))
  })
})
