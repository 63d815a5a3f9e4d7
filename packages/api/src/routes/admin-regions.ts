import { OpenAPIHono, z } from '@hono/zod-openapi'
import {
  amountSchema,
  CatalogErrors,
  countryCodeSchema,
  createRegion,
  createShippingOption,
  createTaxRate,
  deleteRegion,
  deleteShippingOption,
  deleteTaxRate,
  getRegion,
  getShippingOption,
  getTaxRate,
  listRegions,
  listShippingOptions,
  listTaxRates,
  quoteShippingOption,
  RegionErrors,
  regionCreateSchema,
  regionUpdateSchema,
  ShippingErrors,
  shippingOptionCreateSchema,
  shippingOptionUpdateSchema,
  TaxErrors,
  taxRateCreateSchema,
  taxRateUpdateSchema,
  updateRegion,
  updateShippingOption,
  updateTaxRate,
} from '@kassa/core'
import type { AppEnv } from '../env.js'
import { adminAuthErrors, adminRoute } from './admin-route.js'
import { errorResponses, jsonBody, jsonResponse } from '../schemas/common.js'
import { RegionSchema, ShippingOptionSchema, ShippingQuoteSchema, TaxRateSchema } from '../schemas/regions.js'

const authErrors = adminAuthErrors
const idParam = z.object({ id: z.string().max(64) })
const deleted = { 204: { description: 'Deleted' } }
const listResponse = <T extends z.ZodType>(item: T, what: string) =>
  jsonResponse(z.object({ data: z.array(item), next_cursor: z.null() }), what)
/** Regions, tax and shipping are the shop's settings: `settings:read` to see them, `settings:write` to change them. */
const route = adminRoute

const region = jsonResponse(z.object({ region: RegionSchema }), 'The region')
const taxRate = jsonResponse(z.object({ tax_rate: TaxRateSchema }), 'The tax rate')
const shippingOption = jsonResponse(z.object({ shipping_option: ShippingOptionSchema }), 'The shipping option')
const taxWriteErrors = [RegionErrors.countryNotInRegion, TaxErrors.provinceWithoutCountry, CatalogErrors.categoryNotFound]
const shippingWriteErrors = [RegionErrors.countryNotInRegion, ShippingErrors.providerNotFound]

const routes = {
  listRegions: route('regions', 'settings:read', {
    method: 'get',
    path: '/regions',
    operationId: 'adminListRegions',
    summary: 'Every region',
    responses: { 200: listResponse(RegionSchema, 'Regions'), ...errorResponses(...authErrors) },
  }),
  createRegion: route('regions', 'settings:write', {
    method: 'post',
    path: '/regions',
    operationId: 'adminCreateRegion',
    summary: 'Create a region: countries, currency, tax-inclusive or not',
    request: { body: jsonBody(regionCreateSchema.meta({ id: 'RegionCreateInput' })) },
    responses: { 201: region, ...errorResponses(...authErrors, RegionErrors.countryTaken, RegionErrors.taxProviderNotFound) },
  }),
  getRegion: route('regions', 'settings:read', {
    method: 'get',
    path: '/regions/{id}',
    operationId: 'adminGetRegion',
    summary: 'A region by id',
    request: { params: idParam },
    responses: { 200: region, ...errorResponses(...authErrors, RegionErrors.notFound) },
  }),
  updateRegion: route('regions', 'settings:write', {
    method: 'patch',
    path: '/regions/{id}',
    operationId: 'adminUpdateRegion',
    summary: 'Update a region; countries given replace its countries',
    request: { params: idParam, body: jsonBody(regionUpdateSchema.meta({ id: 'RegionUpdateInput' })) },
    responses: {
      200: region,
      ...errorResponses(...authErrors, RegionErrors.notFound, RegionErrors.countryTaken, RegionErrors.taxProviderNotFound),
    },
  }),
  deleteRegion: route('regions', 'settings:write', {
    method: 'delete',
    path: '/regions/{id}',
    operationId: 'adminDeleteRegion',
    summary: 'Delete a region with its tax rates and shipping options',
    request: { params: idParam },
    responses: { ...deleted, ...errorResponses(...authErrors, RegionErrors.notFound) },
  }),
  listTaxRates: route('tax rates', 'settings:read', {
    method: 'get',
    path: '/regions/{id}/tax-rates',
    operationId: 'adminListTaxRates',
    summary: "A region's tax rates",
    request: { params: idParam },
    responses: { 200: listResponse(TaxRateSchema, 'Tax rates'), ...errorResponses(...authErrors, RegionErrors.notFound) },
  }),
  createTaxRate: route('tax rates', 'settings:write', {
    method: 'post',
    path: '/regions/{id}/tax-rates',
    operationId: 'adminCreateTaxRate',
    summary: 'Add a tax rate to a region, optionally for one country, province or some categories',
    request: { params: idParam, body: jsonBody(taxRateCreateSchema.meta({ id: 'TaxRateCreateInput' })) },
    responses: { 201: taxRate, ...errorResponses(...authErrors, RegionErrors.notFound, ...taxWriteErrors) },
  }),
  getTaxRate: route('tax rates', 'settings:read', {
    method: 'get',
    path: '/tax-rates/{id}',
    operationId: 'adminGetTaxRate',
    summary: 'A tax rate by id',
    request: { params: idParam },
    responses: { 200: taxRate, ...errorResponses(...authErrors, TaxErrors.rateNotFound) },
  }),
  updateTaxRate: route('tax rates', 'settings:write', {
    method: 'patch',
    path: '/tax-rates/{id}',
    operationId: 'adminUpdateTaxRate',
    summary: 'Update a tax rate; category_ids given replace its categories',
    request: { params: idParam, body: jsonBody(taxRateUpdateSchema.meta({ id: 'TaxRateUpdateInput' })) },
    responses: { 200: taxRate, ...errorResponses(...authErrors, TaxErrors.rateNotFound, ...taxWriteErrors) },
  }),
  deleteTaxRate: route('tax rates', 'settings:write', {
    method: 'delete',
    path: '/tax-rates/{id}',
    operationId: 'adminDeleteTaxRate',
    summary: 'Delete a tax rate',
    request: { params: idParam },
    responses: { ...deleted, ...errorResponses(...authErrors, TaxErrors.rateNotFound) },
  }),
  listShippingOptions: route('shipping options', 'settings:read', {
    method: 'get',
    path: '/shipping-options',
    operationId: 'adminListShippingOptions',
    summary: "Shipping options, all or one region's",
    request: { query: z.object({ region_id: z.string().max(64).optional() }) },
    responses: { 200: listResponse(ShippingOptionSchema, 'Shipping options'), ...errorResponses(...authErrors, RegionErrors.notFound) },
  }),
  createShippingOption: route('shipping options', 'settings:write', {
    method: 'post',
    path: '/shipping-options',
    operationId: 'adminCreateShippingOption',
    summary: 'Create a shipping option: flat, by weight tiers or calculated by a provider; optionally free over a subtotal',
    request: { body: jsonBody(shippingOptionCreateSchema.meta({ id: 'ShippingOptionCreateInput' })) },
    responses: { 201: shippingOption, ...errorResponses(...authErrors, RegionErrors.notFound, ...shippingWriteErrors) },
  }),
  getShippingOption: route('shipping options', 'settings:read', {
    method: 'get',
    path: '/shipping-options/{id}',
    operationId: 'adminGetShippingOption',
    summary: 'A shipping option by id',
    request: { params: idParam },
    responses: { 200: shippingOption, ...errorResponses(...authErrors, ShippingErrors.optionNotFound) },
  }),
  updateShippingOption: route('shipping options', 'settings:write', {
    method: 'patch',
    path: '/shipping-options/{id}',
    operationId: 'adminUpdateShippingOption',
    summary: 'Update a shipping option; the result must be complete for its price type',
    request: { params: idParam, body: jsonBody(shippingOptionUpdateSchema.meta({ id: 'ShippingOptionUpdateInput' })) },
    responses: { 200: shippingOption, ...errorResponses(...authErrors, ShippingErrors.optionNotFound, ...shippingWriteErrors) },
  }),
  deleteShippingOption: route('shipping options', 'settings:write', {
    method: 'delete',
    path: '/shipping-options/{id}',
    operationId: 'adminDeleteShippingOption',
    summary: 'Delete a shipping option',
    request: { params: idParam },
    responses: { ...deleted, ...errorResponses(...authErrors, ShippingErrors.optionNotFound) },
  }),
  quoteShippingOption: route('shipping options', 'settings:read', {
    method: 'post',
    path: '/shipping-options/{id}/quote',
    operationId: 'adminQuoteShippingOption',
    summary: 'What the option would cost for a cart: a preview of the price buyers get',
    request: {
      params: idParam,
      body: jsonBody(
        z
          .strictObject({ country_code: countryCodeSchema, subtotal: amountSchema, weight_grams: z.number().int().min(0).max(100_000_000) })
          .meta({ id: 'ShippingQuoteInput' }),
      ),
    },
    responses: {
      200: jsonResponse(z.object({ quote: ShippingQuoteSchema }), 'The price for that cart'),
      ...errorResponses(...authErrors, ShippingErrors.optionNotFound, ShippingErrors.unavailable),
    },
  }),
}

export function adminRegionRoutes() {
  const app = new OpenAPIHono<AppEnv>()
  const ctx = (c: { get: (k: 'commerce' | 'actor') => any }) => c.get('commerce').ctx(c.get('actor'))
  const r = routes

  app.openapi(r.listRegions, async (c) => c.json({ data: await listRegions(ctx(c)), next_cursor: null }, 200))
  app.openapi(r.createRegion, async (c) => c.json({ region: await createRegion(ctx(c), c.req.valid('json')) }, 201))
  app.openapi(r.getRegion, async (c) => c.json({ region: await getRegion(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(r.updateRegion, async (c) =>
    c.json({ region: await updateRegion(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 200),
  )
  app.openapi(r.deleteRegion, async (c) => {
    await deleteRegion(ctx(c), c.req.valid('param').id)
    return c.body(null, 204)
  })

  app.openapi(r.listTaxRates, async (c) => c.json({ data: await listTaxRates(ctx(c), c.req.valid('param').id), next_cursor: null }, 200))
  app.openapi(r.createTaxRate, async (c) =>
    c.json({ tax_rate: await createTaxRate(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 201),
  )
  app.openapi(r.getTaxRate, async (c) => c.json({ tax_rate: await getTaxRate(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(r.updateTaxRate, async (c) =>
    c.json({ tax_rate: await updateTaxRate(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 200),
  )
  app.openapi(r.deleteTaxRate, async (c) => {
    await deleteTaxRate(ctx(c), c.req.valid('param').id)
    return c.body(null, 204)
  })

  app.openapi(r.listShippingOptions, async (c) => {
    const { region_id } = c.req.valid('query')
    return c.json({ data: await listShippingOptions(ctx(c), region_id ? { region_id } : {}), next_cursor: null }, 200)
  })
  app.openapi(r.createShippingOption, async (c) =>
    c.json({ shipping_option: await createShippingOption(ctx(c), c.req.valid('json')) }, 201),
  )
  app.openapi(r.getShippingOption, async (c) => c.json({ shipping_option: await getShippingOption(ctx(c), c.req.valid('param').id) }, 200))
  app.openapi(r.updateShippingOption, async (c) =>
    c.json({ shipping_option: await updateShippingOption(ctx(c), c.req.valid('param').id, c.req.valid('json')) }, 200),
  )
  app.openapi(r.deleteShippingOption, async (c) => {
    await deleteShippingOption(ctx(c), c.req.valid('param').id)
    return c.body(null, 204)
  })
  app.openapi(r.quoteShippingOption, async (c) => {
    const option = await getShippingOption(ctx(c), c.req.valid('param').id)
    const cart = c.req.valid('json')
    return c.json({ quote: await quoteShippingOption(ctx(c), option.id, { ...cart, region_id: option.region_id }) }, 200)
  })
  return app
}
