import { dispatchEvents } from '@kassa/core'
import { createAdminClient, createStoreClient } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

// The SDK calls of the admin's settings pages, on both databases (the browser test runs on SQLite only).
let api: TestApi
const fetch = (request: Request) => api.app.fetch(request)
const admin = () => createAdminClient({ baseUrl: 'http://kassa.test', fetch, token: api.adminToken })
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

describe('the admin settings SDK calls', () => {
  it('manages a region, its tax rates and shipping options', async () => {
    const client = admin()
    const region = await client.regions.create({ name: 'Nordics', currency_code: 'SEK', tax_inclusive: true, countries: ['se'] })
    expect((await client.regions.update(region.id, { countries: ['se', 'dk'] })).countries.sort()).toEqual(['dk', 'se'])
    expect(await client.regions.get(region.id)).toMatchObject({ name: 'Nordics', currency_code: 'SEK' })
    expect((await client.regions.list()).map((r) => r.id)).toContain(region.id)
    await expect(
      client.regions.create({ name: 'Nowhere', currency_code: 'SEK', tax_inclusive: true, countries: ['xx'] }),
    ).rejects.toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ path: 'countries.0' })],
    })

    const rate = await client.taxRates.create(region.id, { name: 'Moms', rate_bps: 2500 })
    expect((await client.taxRates.update(rate.id, { rate_bps: 1250, country_code: 'dk' })).country_code).toBe('dk')
    expect((await client.taxRates.list(region.id)).map((r) => r.rate_bps)).toEqual([1250])
    await client.taxRates.delete(rate.id)
    expect(await client.taxRates.list(region.id)).toEqual([])

    const option = await client.shippingOptions.create({ region_id: region.id, name: 'PostNord', price_type: 'flat', amount: 4950 })
    expect((await client.shippingOptions.update(option.id, { amount: 5900, free_over: 100_000 })).amount).toBe(5900)
    expect((await client.shippingOptions.list({ region_id: region.id })).map((o) => [o.name, o.amount, o.free_over])).toEqual([
      ['PostNord', 5900, 100_000],
    ])
    await client.shippingOptions.delete(option.id)
    await client.regions.delete(region.id)
    await expect(client.regions.get(region.id)).rejects.toMatchObject({ code: 'region.not_found' })
  })

  it('manages a sales channel and its publishable keys', async () => {
    const client = admin()
    const channel = await client.salesChannels.create({ name: 'Kiosk', allowed_origins: ['https://kiosk.example.com'] })
    expect((await client.salesChannels.update(channel.id, { description: 'In the shop' })).description).toBe('In the shop')
    expect((await client.salesChannels.get(channel.id)).name).toBe('Kiosk')
    const key = await client.salesChannels.createPublishableKey(channel.id, 'Kiosk app')
    expect(key.token).toMatch(/^pk_/)
    const store = createStoreClient({ baseUrl: 'http://kassa.test', fetch, publishableKey: key.token })
    expect(Array.isArray(await store.regions.list())).toBe(true)
    expect((await client.salesChannels.revokePublishableKey(channel.id, key.id)).revoked_at).not.toBeNull()
    expect((await client.salesChannels.publishableKeys(channel.id)).map((k) => k.title)).toEqual(['Kiosk app'])
    expect((await client.salesChannels.list()).map((c) => c.name)).toContain('Kiosk')
    await client.salesChannels.delete(channel.id)
  })

  it('manages admin users and custom roles', async () => {
    const client = admin()
    const role = await client.roles.create({ name: 'catalog_editor', permissions: ['catalog:read', 'catalog:write'] })
    expect(role.built_in).toBe(false)
    expect((await client.roles.update('catalog_editor', { permissions: ['catalog:read'] })).permissions).toEqual(['catalog:read'])
    expect((await client.roles.get('catalog_editor')).permissions).toEqual(['catalog:read'])
    expect((await client.roles.list()).map((r) => r.name)).toEqual(expect.arrayContaining(['owner', 'support', 'catalog_editor']))

    const user = await client.users.create({ email: 'editor@example.com', password: 'a long enough password', role: 'catalog_editor' })
    expect((await client.users.update(user.id, { role: 'support' })).role).toBe('support')
    expect((await client.users.deactivate(user.id)).active).toBe(false)
    expect((await client.users.list()).find((u) => u.id === user.id)).toMatchObject({ role: 'support', active: false })
    await client.roles.delete('catalog_editor')
  })

  it('lists the notification log, newest first, a page at a time', async () => {
    const store = createStoreClient({ baseUrl: 'http://kassa.test', fetch, publishableKey: api.publishableKey })
    for (const name of ['first', 'second', 'third']) {
      await store.customers.register({ email: `${name}@example.com`, password: 'a long enough password' })
      await store.auth.requestPasswordReset(`${name}@example.com`)
    }
    while ((await dispatchEvents(api.commerce.ctx(), api.commerce.events.list())) > 0);
    const client = admin()
    const first = await client.notifications.list({ limit: 2, template: 'password_reset' })
    expect(first.data).toHaveLength(2)
    const second = await client.notifications.list({ limit: 2, template: 'password_reset', cursor: first.next_cursor! })
    expect(second.next_cursor).toBeNull()
    const all = [...first.data, ...second.data]
    expect(all.map((n) => n.to).sort()).toEqual(['first@example.com', 'second@example.com', 'third@example.com'])
    const times = all.map((n) => n.created_at)
    expect(times).toEqual([...times].sort().reverse())
    expect(first.data[0]!.text).toContain('token=')
  })
})
