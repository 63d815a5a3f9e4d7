import type { Ctx } from '../kernel/ctx.js'
import { type Region, RegionErrors } from '../regions/index.js'
import { systemTaxProvider } from './system-tax-provider.js'
import type { TaxCalculationResult } from './tax.js'
import { findProductCategoryIds } from './tax.repository.js'

export interface ResolveTaxRatesInput {
  region: Region
  country_code: string
  province_code?: string | null
  lines: { id: string; product_id: string }[]
}

const builtIn = systemTaxProvider()

/**
 * The tax rates for each line of a cart and for its shipping, asked of the region's tax provider
 * (the built-in `system` one reads the stored rates). Feed them to `computeTotals`.
 * @example const { lines, shipping } = await resolveTaxRates(ctx, { region, country_code: 'nl', lines: [{ id: line.id, product_id }] })
 */
export async function resolveTaxRates(ctx: Ctx, input: ResolveTaxRatesInput): Promise<TaxCalculationResult> {
  const providerId = input.region.tax_provider_id ?? 'system'
  const provider = ctx.providers?.get('tax', providerId) ?? (providerId === 'system' ? builtIn : undefined)
  if (!provider) throw RegionErrors.taxProviderNotFound(providerId)
  const categories = await findProductCategoryIds(
    ctx.db,
    input.lines.map((l) => l.product_id),
  )
  const result = await provider.calculate(ctx, {
    region: { id: input.region.id, currency_code: input.region.currency_code, tax_inclusive: input.region.tax_inclusive },
    country_code: input.country_code.toLowerCase(),
    province_code: input.province_code?.toLowerCase() ?? null,
    lines: input.lines.map((l) => ({ id: l.id, product_id: l.product_id, category_ids: categories.get(l.product_id) ?? [] })),
  })
  // Every line gets an entry, so a provider that skips untaxed lines still gives a complete answer.
  return { lines: Object.fromEntries(input.lines.map((l) => [l.id, result.lines[l.id] ?? []])), shipping: result.shipping }
}
