import { ANY_ADMIN, type AuthzTable, MANAGERS } from './table.js'

export const INVENTORY_TABLE: AuthzTable = {
  adminListStockLocations: ANY_ADMIN,
  adminCreateStockLocation: MANAGERS,
  adminGetVariantStock: ANY_ADMIN,
  adminSetVariantStock: MANAGERS,
  adminBatchStock: MANAGERS,
}
