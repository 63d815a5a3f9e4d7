import type { Commerce, TestPaymentProvider } from '@kassa/core'

/** How many times the built-in `test` payment provider was asked to authorize. */
export function authorizeCalls(commerce: Commerce): number {
  return (commerce.providers.get('payment', 'test') as TestPaymentProvider).calls.authorize.length
}
