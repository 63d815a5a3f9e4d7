export * from './totals.js'
export { batchUpdatePrices } from './price-batch.service.js'
export { PRICE_BATCH_MAX_ITEMS, type PriceBatchInput, type PriceBatchResult, priceBatchSchema, PricingErrors } from './price-batch.js'
