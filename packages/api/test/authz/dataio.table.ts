import { ANY_ADMIN, ANY_STOREFRONT, type AuthzTable, MANAGERS } from './table.js'

/** Imports write the catalog (owner, manager); exports read it; the product feed is any channel's own. */
export const DATAIO_TABLE: AuthzTable = {
  adminStartImport: MANAGERS,
  adminGetImport: ANY_ADMIN,
  adminExportProducts: ANY_ADMIN,
  adminExportOrders: ANY_ADMIN,
  adminExportCustomers: ANY_ADMIN,
  storeGoogleProductFeed: ANY_STOREFRONT,
}
