import type { ShippingProvider } from '../config/providers.js'
import { builtInPrice } from './price.js'

/** The built-in shipping provider: flat rates and weight tiers, as stored on the option. */
export function systemShippingProvider(): ShippingProvider {
  return {
    id: 'system',
    kind: 'shipping',
    async calculate(_ctx, option, cart) {
      const amount = builtInPrice(option, cart.weight_grams)
      return amount === undefined ? undefined : { amount }
    },
  }
}
