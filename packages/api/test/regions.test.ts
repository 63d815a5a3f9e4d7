import { createStoreClient, isKassaApiError } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as any })

describe('Admin API: regions', () => {
  it('creates, reads, updates and deletes a region; the store lists it', async () => {
    const created = await json(
      await api.admin('/admin/regions', {
        method: 'POST',
        json: { name: 'Netherlands', currency_code: 'eur', tax_inclusive: true, countries: ['NL', 'be'] },
      }),
    )
    expect(created.status).toBe(201)
    const region = created.body.region
    expect(region).toMatchObject({
      name: 'Netherlands',
      currency_code: 'EUR',
      tax_inclusive: true,
      countries: ['be', 'nl'],
      tax_provider_id: 'system',
    })

    expect((await json(await api.admin(`/admin/regions/${region.id}`))).body.region).toEqual(region)
    const updated = await json(await api.admin(`/admin/regions/${region.id}`, { method: 'PATCH', json: { countries: ['nl'], name: 'NL' } }))
    expect(updated.status).toBe(200)
    expect(updated.body.region).toMatchObject({ name: 'NL', countries: ['nl'] })

    const store = await api.store('/store/regions')
    expect(store.status).toBe(200)
    expect(store.headers.get('cache-control')).toContain('public')
    expect(await store.json()).toEqual({
      data: [{ id: region.id, name: 'NL', currency_code: 'EUR', tax_inclusive: true, countries: ['nl'] }],
      next_cursor: null,
    })
    expect((await json(await api.store(`/store/regions/${region.id}`))).body.region.countries).toEqual(['nl'])

    expect((await api.admin(`/admin/regions/${region.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await json(await api.admin(`/admin/regions/${region.id}`))).body.code).toBe('region.not_found')
    expect((await json(await api.store(`/store/regions/${region.id}`))).body.code).toBe('region.not_found')
  })

  it('answers 409 region.country_taken when a country is in another region', async () => {
    await api.admin('/admin/regions', {
      method: 'POST',
      json: { name: 'US', currency_code: 'USD', tax_inclusive: false, countries: ['us'] },
    })
    const res = await json(
      await api.admin('/admin/regions', {
        method: 'POST',
        json: { name: 'Americas', currency_code: 'USD', tax_inclusive: false, countries: ['ca', 'US'] },
      }),
    )
    expect(res).toMatchObject({ status: 409, body: { code: 'region.country_taken' } })
  })

  it('needs an admin', async () => {
    expect((await json(await api.request('/admin/regions'))).body.code).toBe('auth.unauthenticated')
    expect((await json(await api.request('/store/regions'))).body.code).toBe('auth.publishable_key_missing')
  })
})

describe('Admin API: tax rates and shipping options', () => {
  let regionId: string
  beforeAll(async () => {
    const res = await api.admin('/admin/regions', {
      method: 'POST',
      json: { name: 'Japan', currency_code: 'JPY', tax_inclusive: true, countries: ['jp'] },
    })
    regionId = ((await res.json()) as any).region.id
  })

  it('keeps tax rates of a region, with fractional basis points', async () => {
    const created = await json(
      await api.admin(`/admin/regions/${regionId}/tax-rates`, {
        method: 'POST',
        json: { name: 'JCT', rate_bps: 1000, country_code: 'JP' },
      }),
    )
    expect(created).toMatchObject({
      status: 201,
      body: { tax_rate: { region_id: regionId, rate_bps: 1000, country_code: 'jp', category_ids: [] } },
    })
    const id = created.body.tax_rate.id
    expect(
      (await json(await api.admin(`/admin/tax-rates/${id}`, { method: 'PATCH', json: { rate_bps: 887.5 } }))).body.tax_rate.rate_bps,
    ).toBe(887.5)
    expect((await json(await api.admin(`/admin/regions/${regionId}/tax-rates`))).body.data.map((r: { id: string }) => r.id)).toEqual([id])
    expect(
      (
        await json(
          await api.admin(`/admin/regions/${regionId}/tax-rates`, { method: 'POST', json: { name: 'X', rate_bps: 5, country_code: 'kr' } }),
        )
      ).body.code,
    ).toBe('region.country_not_in_region')
    expect((await api.admin(`/admin/tax-rates/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await json(await api.admin(`/admin/tax-rates/${id}`))).body.code).toBe('tax_rate.not_found')
  })

  it('keeps shipping options and quotes them', async () => {
    const created = await json(
      await api.admin('/admin/shipping-options', {
        method: 'POST',
        json: { region_id: regionId, name: 'Yamato', price_type: 'flat', amount: 800, free_over: 10_000 },
      }),
    )
    expect(created).toMatchObject({
      status: 201,
      body: { shipping_option: { region_id: regionId, price_type: 'flat', amount: 800, provider_id: 'system' } },
    })
    const id = created.body.shipping_option.id
    const quote = (body: unknown) => api.admin(`/admin/shipping-options/${id}/quote`, { method: 'POST', json: body })
    expect((await json(await quote({ country_code: 'JP', subtotal: 9999, weight_grams: 100 }))).body.quote).toEqual({
      id,
      name: 'Yamato',
      amount: 800,
      provider_id: 'system',
    })
    expect((await json(await quote({ country_code: 'jp', subtotal: 10_000, weight_grams: 100 }))).body.quote.amount).toBe(0)
    expect(await json(await quote({ country_code: 'kr', subtotal: 1, weight_grams: 1 }))).toMatchObject({
      status: 400,
      body: { code: 'shipping_option.unavailable' },
    })
    expect(
      (await json(await api.admin(`/admin/shipping-options?region_id=${regionId}`))).body.data.map((o: { id: string }) => o.id),
    ).toEqual([id])
    expect(
      (await json(await api.admin(`/admin/shipping-options/${id}`, { method: 'PATCH', json: { name: 'Sagawa' } }))).body.shipping_option
        .name,
    ).toBe('Sagawa')
    expect((await api.admin(`/admin/shipping-options/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await json(await api.admin(`/admin/shipping-options/${id}`))).body.code).toBe('shipping_option.not_found')
  })

  it('answers shape errors as validation_failed naming the field', async () => {
    const res = await json(
      await api.admin('/admin/shipping-options', { method: 'POST', json: { region_id: regionId, name: 'Tiers', price_type: 'weight' } }),
    )
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'weight_tiers', code: 'required' })],
    })
  })
})

describe('SDK: store regions', () => {
  it('lists regions and reads one, rejecting an unknown id with region.not_found', async () => {
    const store = createStoreClient({
      baseUrl: 'http://kassa.test',
      publishableKey: api.publishableKey,
      fetch: (request: Request) => api.app.fetch(request),
    })
    const created = await api.admin('/admin/regions', {
      method: 'POST',
      json: { name: 'Korea', currency_code: 'KRW', tax_inclusive: true, countries: ['kr'] },
    })
    const { region } = (await created.json()) as { region: { id: string } }
    const regions = await store.regions.list()
    expect(regions.find((r) => r.id === region.id)).toEqual({
      id: region.id,
      name: 'Korea',
      currency_code: 'KRW',
      tax_inclusive: true,
      countries: ['kr'],
    })
    expect((await store.regions.get(region.id)).currency_code).toBe('KRW')
    const error = await store.regions.get('reg_nope').catch((e: unknown) => e)
    expect(isKassaApiError(error) && error.code).toBe('region.not_found')
  })
})
