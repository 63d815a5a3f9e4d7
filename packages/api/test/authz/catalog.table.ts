import { ANY_ADMIN, ANY_STOREFRONT, type AuthzTable, MANAGERS, SAME_CHANNEL } from './table.js'

export const CATALOG_TABLE: AuthzTable = {
  // The list answers every channel, filtered to its products (authz/channels.test.ts checks the filter).
  storeListProducts: ANY_STOREFRONT,
  // The fixture product is sold in the default channel only.
  storeGetProduct: SAME_CHANNEL,
  storeListCollections: ANY_STOREFRONT,
  storeGetCollection: ANY_STOREFRONT,
  storeListCategories: ANY_STOREFRONT,
  storeGetCategory: ANY_STOREFRONT,

  adminListProducts: ANY_ADMIN,
  adminCreateProduct: MANAGERS,
  adminGetProduct: ANY_ADMIN,
  adminUpdateProduct: MANAGERS,
  adminDeleteProduct: MANAGERS,
  adminCreateProductOption: MANAGERS,
  adminUpdateProductOption: MANAGERS,
  adminDeleteProductOption: MANAGERS,
  adminBatchPrices: MANAGERS,
  adminCreateVariant: MANAGERS,
  adminUpdateVariant: MANAGERS,
  adminDeleteVariant: MANAGERS,
  adminGetProductSalesChannels: ANY_ADMIN,
  adminSetProductSalesChannels: MANAGERS,
  adminListCollections: ANY_ADMIN,
  adminCreateCollection: MANAGERS,
  adminGetCollection: ANY_ADMIN,
  adminUpdateCollection: MANAGERS,
  adminDeleteCollection: MANAGERS,
  adminSetCollectionProducts: MANAGERS,
  adminListCategories: ANY_ADMIN,
  adminCreateCategory: MANAGERS,
  adminGetCategory: ANY_ADMIN,
  adminUpdateCategory: MANAGERS,
  adminDeleteCategory: MANAGERS,
  adminSetCategoryProducts: MANAGERS,
}
