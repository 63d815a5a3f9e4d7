import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { createRegion, deleteRegion, findRegionByCountry, getRegion, listRegions, updateRegion } from './index.js'

type TestCtx = Awaited<ReturnType<typeof createTestCtx>>

describe('regions', () => {
  let ctx: TestCtx
  beforeAll(async () => {
    ctx = await createTestCtx()
  })
  afterAll(async () => ctx?.close())

  it('creates a region with countries in any case, stored lowercase, currency uppercase', async () => {
    const region = await createRegion(ctx, { name: 'Benelux', currency_code: 'eur', tax_inclusive: true, countries: ['NL', 'be'] })
    expect(region).toMatchObject({
      name: 'Benelux',
      currency_code: 'EUR',
      tax_inclusive: true,
      countries: ['be', 'nl'],
      tax_provider_id: 'system',
    })
    expect(region.id).toMatch(/^reg_/)
    expect(await getRegion(ctx, region.id)).toEqual(region)
    expect((await findRegionByCountry(ctx, 'BE'))?.id).toBe(region.id)
  })

  it('refuses a country that belongs to another region', async () => {
    await createRegion(ctx, { name: 'Germany', currency_code: 'EUR', tax_inclusive: true, countries: ['de'] })
    await expect(
      createRegion(ctx, { name: 'DACH', currency_code: 'EUR', tax_inclusive: true, countries: ['at', 'DE'] }),
    ).rejects.toMatchObject({
      code: 'region.country_taken',
    })
    expect((await listRegions(ctx)).map((r) => r.name)).not.toContain('DACH')
  })

  it('refuses codes that are not ISO 3166-1 countries, and a country twice', async () => {
    await expect(createRegion(ctx, { name: 'X', currency_code: 'EUR', tax_inclusive: true, countries: ['xx'] })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'countries.0' })],
    })
    await expect(
      createRegion(ctx, { name: 'X', currency_code: 'EUR', tax_inclusive: true, countries: ['fr', 'FR'] }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'countries' })],
    })
  })

  it('updates: countries given replace the old ones; a region keeps its own countries', async () => {
    const region = await createRegion(ctx, { name: 'Nordics', currency_code: 'SEK', tax_inclusive: true, countries: ['se', 'fi'] })
    const updated = await updateRegion(ctx, region.id, { name: 'Sweden', countries: ['se'], tax_inclusive: false })
    expect(updated).toMatchObject({ name: 'Sweden', countries: ['se'], tax_inclusive: false, currency_code: 'SEK' })
    expect(await findRegionByCountry(ctx, 'fi')).toBeUndefined()
    await expect(updateRegion(ctx, region.id, { countries: ['se', 'de'] })).rejects.toMatchObject({ code: 'region.country_taken' })
    expect((await getRegion(ctx, region.id)).countries).toEqual(['se'])
  })

  it('refuses a tax provider nobody registered', async () => {
    await expect(
      createRegion(ctx, { name: 'Y', currency_code: 'USD', tax_inclusive: false, countries: ['ca'], tax_provider_id: 'avalara' }),
    ).rejects.toMatchObject({
      code: 'region.tax_provider_not_found',
    })
  })

  it('deletes a region and frees its countries', async () => {
    const region = await createRegion(ctx, { name: 'Japan', currency_code: 'JPY', tax_inclusive: true, countries: ['jp'] })
    await deleteRegion(ctx, region.id)
    await expect(getRegion(ctx, region.id)).rejects.toMatchObject({ code: 'region.not_found' })
    await expect(deleteRegion(ctx, region.id)).rejects.toMatchObject({ code: 'region.not_found' })
    expect((await createRegion(ctx, { name: 'Japan', currency_code: 'JPY', tax_inclusive: true, countries: ['jp'] })).countries).toEqual([
      'jp',
    ])
  })
})
