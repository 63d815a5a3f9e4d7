export * from './catalog.js'
export * from './product.service.js'
export * from './grouping.service.js'
export { listProducts, type AdminProductQuery } from './product-list.js'
export { findProductsByIds, findProductIdByHandle } from './product.repository.js'
export {
  renderStoreProduct,
  toStoreProduct,
  translate,
  type StoreProduct,
  type StoreAvailability,
  type StoreSource,
  type Localized,
} from './storefront.js'
export { findPublishedStoreSource, findStoreSources, PRODUCT_VIEW_FORMAT } from './product-view.js'
export type { Grouping } from './grouping.repository.js'
export {
  CATALOG_EVENT_TYPES,
  type CatalogEventType,
  type ProductEventData,
  type GroupingEventData,
  type VersionScope,
  bumpCatalogVersion,
  readCatalogVersion,
  currentCatalogVersion,
  recordCatalogEvent,
  recordProductsUpdated,
} from './catalog-events.js'
export { VersionWatch } from './version-watch.js'
