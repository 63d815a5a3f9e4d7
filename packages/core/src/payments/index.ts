/** Built-in payment providers and the data of the provider contract (`PaymentProvider` in config). */
export * from './payment.js'
export { testPaymentProvider, TEST_PAYMENT_TOKENS, type TestPaymentProvider } from './test-provider.js'
export { manualPaymentProvider } from './manual-provider.js'
