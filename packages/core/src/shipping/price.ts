import type { ShippingOption, WeightTier } from './shipping.js'

/** The tier a cart of `weightGrams` falls in: the first whose limit it does not exceed. */
export function weightTierFor(tiers: WeightTier[], weightGrams: number): WeightTier | undefined {
  return tiers.find((t) => t.up_to_grams === null || weightGrams <= t.up_to_grams)
}

/** The price of a flat or weight-tier option before any free-shipping threshold; undefined when no tier fits. */
export function builtInPrice(
  option: Pick<ShippingOption, 'price_type' | 'amount' | 'weight_tiers'>,
  weightGrams: number,
): number | undefined {
  if (option.price_type === 'flat') return option.amount ?? undefined
  if (option.price_type === 'weight') return weightTierFor(option.weight_tiers, weightGrams)?.amount
  return undefined
}

/** Free shipping once the subtotal reaches the option's threshold. */
export function applyFreeOver(amount: number, freeOver: number | null, subtotal: number): number {
  return freeOver !== null && subtotal >= freeOver ? 0 : amount
}

/** Whether the option ships to `country` of its region (an empty list means all the region's countries). */
export function servesCountry(option: Pick<ShippingOption, 'countries'>, regionCountries: string[], country: string): boolean {
  const c = country.toLowerCase()
  return regionCountries.includes(c) && (option.countries.length === 0 || option.countries.includes(c))
}
