import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ShippingProvider } from '../config/providers.js'
import { createRegion, deleteRegion, type Region } from '../regions/index.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import {
  createShippingOption,
  deleteShippingOption,
  getShippingOption,
  listShippingOptions,
  listShippingOptionsFor,
  quoteShippingOption,
  updateShippingOption,
} from './index.js'

type TestCtx = Awaited<ReturnType<typeof createTestCtx>>

// A carrier that charges 1 per 10 grams and cannot ship over 30 kg.
const carrier: ShippingProvider = {
  id: 'carrier',
  kind: 'shipping',
  async calculate(_ctx, option, cart) {
    if (cart.weight_grams > 30_000) return undefined
    return { amount: Math.ceil(cart.weight_grams / 10) + Number(option.data.handling ?? 0) }
  },
}

describe('shipping options', () => {
  let ctx: TestCtx
  let eu: Region
  let flatId: string
  let weightId: string
  const cart = (over: Partial<{ country_code: string; subtotal: number; weight_grams: number }> = {}) => ({
    region_id: eu.id,
    country_code: 'nl',
    subtotal: 2000,
    weight_grams: 500,
    ...over,
  })

  beforeAll(async () => {
    ctx = await createTestCtx({ providers: [carrier] })
    eu = await createRegion(ctx, { name: 'EU', currency_code: 'EUR', tax_inclusive: true, countries: ['nl', 'be', 'de'] })
    flatId = (await createShippingOption(ctx, { region_id: eu.id, name: 'Standard', price_type: 'flat', amount: 495, free_over: 5000 })).id
    weightId = (
      await createShippingOption(ctx, {
        region_id: eu.id,
        name: 'Parcel',
        price_type: 'weight',
        weight_tiers: [
          { up_to_grams: 1000, amount: 595 },
          { up_to_grams: 10_000, amount: 995 },
        ],
        countries: ['NL', 'be'],
      })
    ).id
    await createShippingOption(ctx, {
      region_id: eu.id,
      name: 'Courier',
      price_type: 'calculated',
      provider_id: 'carrier',
      data: { handling: 100 },
    })
  })
  afterAll(async () => ctx?.close())

  it('stores what the option is and answers it back', async () => {
    expect(await getShippingOption(ctx, weightId)).toMatchObject({
      region_id: eu.id,
      price_type: 'weight',
      provider_id: 'system',
      amount: null,
      free_over: null,
      countries: ['nl', 'be'],
      active: true,
      weight_tiers: [
        { up_to_grams: 1000, amount: 595 },
        { up_to_grams: 10_000, amount: 995 },
      ],
    })
    expect((await listShippingOptions(ctx, { region_id: eu.id })).map((o) => o.name)).toEqual(['Courier', 'Parcel', 'Standard'])
  })

  it('prices every option for a cart, cheapest first', async () => {
    // The courier: 500 g at 1 per 10 g plus 100 handling.
    expect(await listShippingOptionsFor(ctx, cart())).toEqual([
      { id: expect.stringMatching(/^so_/), name: 'Courier', amount: 150, provider_id: 'carrier' },
      { id: flatId, name: 'Standard', amount: 495, provider_id: 'system' },
      { id: weightId, name: 'Parcel', amount: 595, provider_id: 'system' },
    ])
  })

  it('is free from the threshold on, and picks the weight tier', async () => {
    expect((await quoteShippingOption(ctx, flatId, cart({ subtotal: 4999 }))).amount).toBe(495)
    expect((await quoteShippingOption(ctx, flatId, cart({ subtotal: 5000 }))).amount).toBe(0)
    expect((await quoteShippingOption(ctx, weightId, cart({ weight_grams: 1000 }))).amount).toBe(595)
    expect((await quoteShippingOption(ctx, weightId, cart({ weight_grams: 1001 }))).amount).toBe(995)
  })

  it('leaves out what cannot ship the cart, and refuses to quote it', async () => {
    // Germany is in the region but not among the Parcel countries; 12 kg is past its last tier; 40 kg past the carrier's limit.
    expect((await listShippingOptionsFor(ctx, cart({ country_code: 'DE' }))).map((q) => q.name)).toEqual(['Courier', 'Standard'])
    expect((await listShippingOptionsFor(ctx, cart({ weight_grams: 40_000 }))).map((q) => q.name)).toEqual(['Standard'])
    await expect(quoteShippingOption(ctx, weightId, cart({ country_code: 'de' }))).rejects.toMatchObject({
      code: 'shipping_option.unavailable',
    })
    await expect(quoteShippingOption(ctx, weightId, cart({ weight_grams: 12_000 }))).rejects.toMatchObject({
      code: 'shipping_option.unavailable',
    })
    await expect(quoteShippingOption(ctx, weightId, cart({ country_code: 'fr' }))).rejects.toMatchObject({
      code: 'shipping_option.unavailable',
    })
    await expect(quoteShippingOption(ctx, 'so_nope', cart())).rejects.toMatchObject({ code: 'shipping_option.not_found' })
    expect(await listShippingOptionsFor(ctx, cart({ country_code: 'us' }))).toEqual([])
  })

  it('refuses an option of another region, and inactive options', async () => {
    const us = await createRegion(ctx, { name: 'US', currency_code: 'USD', tax_inclusive: false, countries: ['us'] })
    await expect(quoteShippingOption(ctx, flatId, { ...cart(), region_id: us.id, country_code: 'us' })).rejects.toMatchObject({
      code: 'shipping_option.unavailable',
    })
    const off = await createShippingOption(ctx, { region_id: us.id, name: 'Off', price_type: 'flat', amount: 1, active: false })
    expect(await listShippingOptionsFor(ctx, { region_id: us.id, country_code: 'us', subtotal: 0, weight_grams: 0 })).toEqual([])
    await expect(
      quoteShippingOption(ctx, off.id, { region_id: us.id, country_code: 'us', subtotal: 0, weight_grams: 0 }),
    ).rejects.toMatchObject({
      code: 'shipping_option.unavailable',
    })
    await expect(listShippingOptionsFor(ctx, { ...cart(), region_id: 'reg_nope' })).rejects.toMatchObject({ code: 'region.not_found' })
  })

  it.each([
    ['a flat option without an amount', { price_type: 'flat' }, 'amount'],
    ['a weight option without tiers', { price_type: 'weight' }, 'weight_tiers'],
    [
      'tiers out of order',
      {
        price_type: 'weight',
        weight_tiers: [
          { up_to_grams: 500, amount: 1 },
          { up_to_grams: 400, amount: 2 },
        ],
      },
      'weight_tiers.1.up_to_grams',
    ],
    [
      'a tier after the unlimited one',
      {
        price_type: 'weight',
        weight_tiers: [
          { up_to_grams: null, amount: 1 },
          { up_to_grams: 400, amount: 2 },
        ],
      },
      'weight_tiers.1.up_to_grams',
    ],
    ['an amount on a weight option', { price_type: 'weight', amount: 5, weight_tiers: [{ up_to_grams: null, amount: 1 }] }, 'amount'],
    ['a calculated option without a provider', { price_type: 'calculated' }, 'provider_id'],
    ['a flat option priced by another provider', { price_type: 'flat', amount: 1, provider_id: 'carrier' }, 'provider_id'],
  ])('refuses %s', async (_, fields, path) => {
    await expect(createShippingOption(ctx, { region_id: eu.id, name: 'Bad', ...fields })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path })],
    })
  })

  it('refuses unknown providers, countries outside the region, unknown regions', async () => {
    await expect(
      createShippingOption(ctx, { region_id: eu.id, name: 'X', price_type: 'calculated', provider_id: 'nope' }),
    ).rejects.toMatchObject({
      code: 'shipping_option.provider_not_found',
    })
    await expect(
      createShippingOption(ctx, { region_id: eu.id, name: 'X', price_type: 'flat', amount: 1, countries: ['fr'] }),
    ).rejects.toMatchObject({
      code: 'region.country_not_in_region',
    })
    await expect(createShippingOption(ctx, { region_id: 'reg_nope', name: 'X', price_type: 'flat', amount: 1 })).rejects.toMatchObject({
      code: 'region.not_found',
    })
  })

  it('updates into another complete shape and deletes', async () => {
    const option = await createShippingOption(ctx, { region_id: eu.id, name: 'Temp', price_type: 'flat', amount: 100 })
    await expect(
      updateShippingOption(ctx, option.id, { price_type: 'weight', weight_tiers: [{ up_to_grams: null, amount: 7 }] }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    })
    const updated = await updateShippingOption(ctx, option.id, {
      price_type: 'weight',
      amount: null,
      weight_tiers: [{ up_to_grams: null, amount: 7 }],
      free_over: 100,
    })
    expect(updated).toMatchObject({ price_type: 'weight', amount: null, free_over: 100, weight_tiers: [{ up_to_grams: null, amount: 7 }] })
    expect(await updateShippingOption(ctx, option.id, { name: 'Renamed' })).toMatchObject({ name: 'Renamed', price_type: 'weight' })
    await deleteShippingOption(ctx, option.id)
    await expect(getShippingOption(ctx, option.id)).rejects.toMatchObject({ code: 'shipping_option.not_found' })
  })

  it('goes with its region', async () => {
    const region = await createRegion(ctx, { name: 'Gone', currency_code: 'GBP', tax_inclusive: true, countries: ['gb'] })
    const option = await createShippingOption(ctx, { region_id: region.id, name: 'Royal', price_type: 'flat', amount: 300 })
    await deleteRegion(ctx, region.id)
    await expect(getShippingOption(ctx, option.id)).rejects.toMatchObject({ code: 'shipping_option.not_found' })
  })
})
