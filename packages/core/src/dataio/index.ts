/** Data in and out: Shopify product CSV import, exports, product feeds, moving databases. */
export * from './dataio.js'
export { importProducts, inspectImportFile } from './import.service.js'
export { SHOPIFY_COLUMNS, parseAmount, type RowIssue } from './shopify-csv.js'
export {
  exportProductsCsv,
  exportProductsJson,
  exportOrdersCsv,
  exportCustomersCsv,
  CUSTOMER_COLUMNS,
  CUSTOMER_ADDRESS_COLUMNS,
  formatDecimal,
  ORDER_COLUMNS,
  type ProductExportOptions,
  type OrderExportOptions,
} from './export.service.js'
export {
  importsDir,
  uploadsDir,
  resolveImportPath,
  createImportJob,
  getImportJob,
  runImportJob,
  type NewImportJob,
} from './import-job.service.js'
export type { DataioTables } from './dataio.table.js'
export { googleProductFeed, type FeedOptions } from './feed.service.js'
export { moveStore, MoveErrors, type MoveReport, type TableReport } from './move.service.js'
