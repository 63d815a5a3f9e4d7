import type { TestApi } from '../helpers.js'
import type { BadCase } from './generate.js'
import type { Fixtures, ValidRequest } from './requests.js'

/** Regions, tax rates and shipping options the region operations act on (countries no other fixture uses). */
export interface RegionFixtures {
  regionId: string
  doomedRegionId: string
  taxRateId: string
  doomedTaxRateId: string
  shippingOptionId: string
  doomedShippingOptionId: string
}

export async function createRegionFixtures(api: TestApi): Promise<RegionFixtures> {
  const post = async <T>(path: string, json: unknown): Promise<T> => {
    const res = await api.admin(path, { method: 'POST', json })
    if (res.status !== 201) throw new Error(`fixture ${path} answered ${res.status}: ${await res.text()}`)
    return res.json() as Promise<T>
  }
  type Id<K extends string> = Record<K, { id: string }>
  const { region } = await post<Id<'region'>>('/admin/regions', {
    name: 'Fixture Nordics',
    currency_code: 'SEK',
    tax_inclusive: true,
    countries: ['se', 'fi'],
  })
  const { region: doomed } = await post<Id<'region'>>('/admin/regions', {
    name: 'Fixture doomed',
    currency_code: 'ISK',
    tax_inclusive: true,
    countries: ['is'],
  })
  const rate = (name: string) => post<Id<'tax_rate'>>(`/admin/regions/${region.id}/tax-rates`, { name, rate_bps: 2500 })
  const option = (name: string) =>
    post<Id<'shipping_option'>>('/admin/shipping-options', { region_id: region.id, name, price_type: 'flat', amount: 4900 })
  return {
    regionId: region.id,
    doomedRegionId: doomed.id,
    taxRateId: (await rate('Fixture moms')).tax_rate.id,
    doomedTaxRateId: (await rate('Fixture doomed')).tax_rate.id,
    shippingOptionId: (await option('Fixture post')).shipping_option.id,
    doomedShippingOptionId: (await option('Fixture doomed')).shipping_option.id,
  }
}

const regionBody = {
  name: 'Fixture Nordics',
  currency_code: 'sek',
  tax_inclusive: true,
  countries: ['SE', 'fi'],
  tax_provider_id: 'system',
}
const taxRateBody = (f: Fixtures) => ({
  name: 'Moms',
  code: 'SE-AB',
  rate_bps: 887.5,
  country_code: 'SE',
  province_code: 'AB',
  category_ids: [f.category.id],
})
const shippingBody = {
  name: 'Parcel',
  price_type: 'weight',
  provider_id: 'system',
  amount: null,
  weight_tiers: [{ up_to_grams: 1000, amount: 500 }],
  free_over: 100_000,
  countries: ['se'],
  active: true,
  data: { note: 'valid', count: 1, flag: true, empty: null },
}

export const REGION_REQUESTS: Record<string, (f: Fixtures) => ValidRequest> = {
  storeListRegions: () => ({}),
  storeGetRegion: (f) => ({ path: { id: f.regions.regionId } }),

  adminListRegions: () => ({}),
  adminCreateRegion: () => ({ body: { ...regionBody, name: 'Norway', currency_code: 'NOK', countries: ['no'] } }),
  adminGetRegion: (f) => ({ path: { id: f.regions.regionId } }),
  adminUpdateRegion: (f) => ({ path: { id: f.regions.regionId }, body: regionBody }),
  adminDeleteRegion: (f) => ({ path: { id: f.regions.doomedRegionId } }),

  adminListTaxRates: (f) => ({ path: { id: f.regions.regionId } }),
  adminCreateTaxRate: (f) => ({ path: { id: f.regions.regionId }, body: taxRateBody(f) }),
  adminGetTaxRate: (f) => ({ path: { id: f.regions.taxRateId } }),
  adminUpdateTaxRate: (f) => ({ path: { id: f.regions.taxRateId }, body: taxRateBody(f) }),
  adminDeleteTaxRate: (f) => ({ path: { id: f.regions.doomedTaxRateId } }),

  adminListShippingOptions: (f) => ({ query: { region_id: f.regions.regionId } }),
  adminCreateShippingOption: (f) => ({ body: { region_id: f.regions.regionId, ...shippingBody } }),
  adminGetShippingOption: (f) => ({ path: { id: f.regions.shippingOptionId } }),
  adminUpdateShippingOption: (f) => ({ path: { id: f.regions.shippingOptionId }, body: shippingBody }),
  adminDeleteShippingOption: (f) => ({ path: { id: f.regions.doomedShippingOptionId } }),
  adminQuoteShippingOption: (f) => ({
    path: { id: f.regions.shippingOptionId },
    body: { country_code: 'SE', subtotal: 2000, weight_grams: 500 },
  }),
}

const body = (label: string, at: (string | number)[], value: unknown, path = at.join('.')): BadCase => ({
  label: `body ${at.join('.')}: ${label}`,
  mutation: { in: 'body', at, set: () => value },
  expect: { path },
})
const countryCases = (at: (string | number)[]) => [
  body('not an assigned ISO 3166-1 code', [...at, 0], 'xx'),
  body('the same country twice, in two cases', at, ['se', 'SE']),
]
const rateCases = [body('three decimals of a basis point', ['rate_bps'], 887.125), body('not an assigned country', ['country_code'], 'zz')]
const shapeCases = [
  body('an amount on a weight option', ['amount'], 100),
  body(
    'tiers not ascending',
    ['weight_tiers'],
    [
      { up_to_grams: 1000, amount: 1 },
      { up_to_grams: 500, amount: 2 },
    ],
    'weight_tiers.1.up_to_grams',
  ),
  body('a flat option without an amount', ['price_type'], 'flat', 'amount'),
]

/** Rules of the region operations that the JSON Schema cannot state. */
export const REGION_SEMANTIC_CASES: Record<string, BadCase[]> = {
  adminCreateRegion: countryCases(['countries']),
  adminUpdateRegion: countryCases(['countries']),
  adminCreateTaxRate: rateCases,
  adminUpdateTaxRate: rateCases,
  adminCreateShippingOption: [...countryCases(['countries']), ...shapeCases],
  adminUpdateShippingOption: [...countryCases(['countries']), ...shapeCases],
  adminQuoteShippingOption: [body('not an assigned country', ['country_code'], 'zz')],
}
