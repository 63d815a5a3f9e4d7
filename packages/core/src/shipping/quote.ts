import type { ShippingProvider } from '../config/providers.js'
import type { Ctx } from '../kernel/ctx.js'
import { getRegion, type Region } from '../regions/index.js'
import { applyFreeOver, servesCountry } from './price.js'
import { type ShippingOption, ShippingErrors, type ShippingQuote, type ShippingQuoteInput } from './shipping.js'
import * as repo from './shipping.repository.js'
import { getShippingOption } from './shipping.service.js'
import { systemShippingProvider } from './system-shipping-provider.js'

const builtIn = systemShippingProvider()

/**
 * The options that can ship a cart to `country_code`, each priced for it, cheapest first.
 * Options that do not ship there, are inactive or have no tier for the weight are left out.
 * @example const quotes = await listShippingOptionsFor(ctx, { region_id, country_code: 'nl', subtotal: 4500, weight_grams: 1200 })
 */
export async function listShippingOptionsFor(ctx: Ctx, input: ShippingQuoteInput, known?: Region): Promise<ShippingQuote[]> {
  const region = await regionOf(ctx, input.region_id, known)
  const quotes: ShippingQuote[] = []
  for (const option of await repo.findShippingOptions(ctx.db, { regionId: region.id })) {
    const quote = await quoteFor(ctx, option, region, input)
    if (quote) quotes.push(quote)
  }
  return quotes.sort((a, b) => a.amount - b.amount || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** One option priced for a cart; throws `shipping_option.not_found`, or `shipping_option.unavailable` when it cannot ship it. */
export async function quoteShippingOption(ctx: Ctx, optionId: string, input: ShippingQuoteInput, known?: Region): Promise<ShippingQuote> {
  const option = await getShippingOption(ctx, optionId)
  if (option.region_id !== input.region_id) throw ShippingErrors.unavailable(optionId)
  const quote = await quoteFor(ctx, option, await regionOf(ctx, input.region_id, known), input)
  if (!quote) throw ShippingErrors.unavailable(optionId)
  return quote
}

/** `known` when the caller has just read the region (a cart pricing itself), else a read. */
function regionOf(ctx: Ctx, id: string, known: Region | undefined): Promise<Region> {
  return known?.id === id ? Promise.resolve(known) : getRegion(ctx, id)
}

async function quoteFor(ctx: Ctx, option: ShippingOption, region: Region, input: ShippingQuoteInput): Promise<ShippingQuote | undefined> {
  if (!option.active || !servesCountry(option, region.countries, input.country_code)) return undefined
  const provider: ShippingProvider | undefined =
    ctx.providers?.get('shipping', option.provider_id) ?? (option.provider_id === 'system' ? builtIn : undefined)
  if (!provider) return undefined
  const priced = await provider.calculate(ctx, option, { ...input, country_code: input.country_code.toLowerCase() })
  if (!priced) return undefined
  if (!Number.isSafeInteger(priced.amount) || priced.amount < 0) {
    throw new Error(`shipping provider ${provider.id} priced option ${option.id} at ${priced.amount}, not a non-negative integer`)
  }
  return {
    id: option.id,
    name: option.name,
    amount: applyFreeOver(priced.amount, option.free_over, input.subtotal),
    provider_id: option.provider_id,
  }
}
