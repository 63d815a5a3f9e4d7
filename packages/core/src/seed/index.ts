/** The demo shop: a deterministic, idempotent catalog in English and Dutch, and its placeholder images. */
export { seedDemo, type SeedDemoOptions, type SeedDemoResult, type SeedCounts } from './seed.service.js'
export { demoImageSvg } from './images.js'
export { DEMO_CATEGORY_HANDLES, DEMO_COLLECTION_HANDLES, type DemoCategoryHandle, type DemoCollectionHandle } from './demo-groupings.js'
export { demoProducts } from './demo-catalog.js'
export type { DemoProduct, DemoImage } from './demo-product.js'
export { seedDemoRegions, DEMO_REGIONS } from './demo-regions.js'
