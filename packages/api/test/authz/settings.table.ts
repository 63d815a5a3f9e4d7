import { ANY_ADMIN, ANY_STOREFRONT, type AuthzTable, OWNER } from './table.js'

/** Regions, tax rates and shipping options: the shop's settings. */
export const SETTINGS_TABLE: AuthzTable = {
  storeListRegions: ANY_STOREFRONT,
  storeGetRegion: ANY_STOREFRONT,

  adminListRegions: ANY_ADMIN,
  adminCreateRegion: OWNER,
  adminGetRegion: ANY_ADMIN,
  adminUpdateRegion: OWNER,
  adminDeleteRegion: OWNER,
  adminListTaxRates: ANY_ADMIN,
  adminCreateTaxRate: OWNER,
  adminGetTaxRate: ANY_ADMIN,
  adminUpdateTaxRate: OWNER,
  adminDeleteTaxRate: OWNER,
  adminListShippingOptions: ANY_ADMIN,
  adminCreateShippingOption: OWNER,
  adminGetShippingOption: ANY_ADMIN,
  adminUpdateShippingOption: OWNER,
  adminDeleteShippingOption: OWNER,
  // A price preview: reading settings is enough.
  adminQuoteShippingOption: ANY_ADMIN,
}
