import { listEvents } from '@kassa/core'
import { type AdminClient, createAdminClient, createStoreClient, KassaApiError, type StoreClient } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, createTestApi, type TestApi } from './helpers.js'
import { ADDRESSES } from './shop-fixtures.js'

// The customer calls of the SDK against the real app in process.
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

async function apiError(promise: Promise<unknown>): Promise<KassaApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(KassaApiError)
  return error as KassaApiError
}

describe('@kassa/sdk customer calls', () => {
  it('registers, signs in (keeping the token), manages the account and signs out', async () => {
    const customer = await store.customers.register({ email: 'sdk@example.com', password: 'a long enough secret', first_name: 'Sam' })
    expect(customer.email_verified).toBe(false)
    const session = await store.auth.login({ email: 'sdk@example.com', password: 'a long enough secret' })
    expect(store.customerToken).toBe(session.token)
    expect((await store.customers.me()).id).toBe(customer.id)
    expect((await store.customers.update({ last_name: 'Lee' })).last_name).toBe('Lee')

    const address = await store.customers.addresses.create(ADDRESSES.nl)
    expect((await store.customers.addresses.update(address.id, { city: 'Delft' })).city).toBe('Delft')
    expect((await store.customers.addresses.list()).map((a) => a.id)).toEqual([address.id])
    await store.customers.addresses.delete(address.id)
    expect(await store.customers.addresses.list()).toEqual([])
    expect(await store.customers.orders.list({ limit: 5 })).toEqual({ data: [], next_cursor: null })
    expect((await store.customers.export()).customer.id).toBe(customer.id)

    await store.customers.requestVerification('en')
    const [sent] = (await listEvents(api.commerce.ctx(), { type: 'customer.verification_requested' })).slice(-1)
    await store.auth.verifyEmail(String(sent!.data.token))
    expect((await store.customers.me()).email_verified).toBe(true)

    await store.customers.changePassword('a long enough secret', 'an even longer secret')
    const token = store.customerToken
    await store.auth.logout()
    expect(store.customerToken).toBeUndefined()
    store.setCustomerToken(token)
    expect(await apiError(store.customers.me())).toMatchObject({ status: 401, code: 'customer_session.revoked' })
    store.setCustomerToken(undefined)

    await store.auth.requestPasswordReset('sdk@example.com', 'en')
    const [reset] = (await listEvents(api.commerce.ctx(), { type: 'customer.password_reset_requested' })).slice(-1)
    await store.auth.resetPassword(String(reset!.data.token), 'the password after reset')
    expect((await store.auth.login({ email: 'sdk@example.com', password: 'the password after reset' })).customer.id).toBe(customer.id)
    store.setCustomerToken(undefined)

    const page = await admin.customers.list({ email: 'sdk@example.com' })
    expect(page.data.map((c) => c.id)).toEqual([customer.id])
    expect((await admin.customers.get(customer.id)).email).toBe('sdk@example.com')
    await admin.customers.erase(customer.id)
    expect((await admin.customers.get(customer.id)).erased_at).not.toBeNull()
    expect(await apiError(admin.customers.erase(customer.id))).toMatchObject({ status: 404, code: 'customer.not_found' })
  })
})
