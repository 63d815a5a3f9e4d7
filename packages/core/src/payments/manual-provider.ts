import type { PaymentProvider } from '../config/providers.js'
import { assertAmount } from './test-provider.js'

/**
 * Bank transfer or pay on invoice: authorizing answers `pending` (the order is placed, the payment
 * is awaited); an admin captures once the money arrives. Nothing leaves Kassa.
 */
export function manualPaymentProvider(): PaymentProvider {
  return {
    id: 'manual',
    kind: 'payment',
    async initiate(input) {
      assertAmount(input.amount)
      return { data: { instructions: 'Pay by bank transfer, quoting the order number; the order ships once the payment arrives.' } }
    },
    async authorize(input) {
      assertAmount(input.amount)
      return { status: 'pending', provider_ref: `manual_${input.session_id}` }
    },
    async confirm(input) {
      return { status: 'pending', provider_ref: input.provider_ref }
    },
    async capture(input) {
      assertAmount(input.amount)
      return { status: 'succeeded' }
    },
    async refund(input) {
      assertAmount(input.amount)
      return { status: 'succeeded' }
    },
    async cancel() {
      return { status: 'succeeded' }
    },
  }
}
