import type { TaxProvider } from '../config/providers.js'
import { findTaxRates } from './tax.repository.js'
import { selectTaxRates } from './select-rates.js'
import type { TaxRate, TaxRateRef } from './tax.js'

const toRef = (r: TaxRate): TaxRateRef => ({ rate_id: r.id, name: r.name, rate_bps: r.rate_bps })

/** The built-in tax provider: the rates stored for the region, picked by `selectTaxRates`. */
export function systemTaxProvider(): TaxProvider {
  return {
    id: 'system',
    kind: 'tax',
    async calculate(ctx, input) {
      const rates = await findTaxRates(ctx.db, { regionId: input.region.id })
      const place = { country_code: input.country_code, province_code: input.province_code }
      const lines: Record<string, TaxRateRef[]> = {}
      for (const line of input.lines) lines[line.id] = selectTaxRates(rates, { ...place, category_ids: line.category_ids }).map(toRef)
      return { lines, shipping: selectTaxRates(rates, { ...place, category_ids: [] }).map(toRef) }
    },
  }
}
