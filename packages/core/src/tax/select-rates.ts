import type { TaxRate } from './tax.js'

export interface RateDestination {
  country_code: string
  province_code: string | null
  /** The product's categories with their ancestors; empty for shipping. */
  category_ids: string[]
}

/**
 * The rates that apply at one destination, from a region's rates. The most specific place that
 * has a rate for the item wins (province, then country, then the whole region); at that place a
 * category override beats the default rates. Several rates at the winning place all apply
 * (they add up, e.g. a state and a city tax defined for the same province).
 */
export function selectTaxRates(rates: TaxRate[], to: RateDestination): TaxRate[] {
  const province = to.province_code?.toLowerCase() ?? null
  const levels = [
    rates.filter((r) => r.province_code !== null && r.country_code === to.country_code && r.province_code === province),
    rates.filter((r) => r.province_code === null && r.country_code === to.country_code),
    rates.filter((r) => r.country_code === null),
  ]
  for (const level of levels) {
    const overrides = level.filter((r) => r.category_ids.some((c) => to.category_ids.includes(c)))
    if (overrides.length) return overrides
    const defaults = level.filter((r) => r.category_ids.length === 0)
    if (defaults.length) return defaults
  }
  return []
}
