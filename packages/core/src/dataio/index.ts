/** Data in and out: Shopify product CSV import, exports, product feeds, moving databases. */
export * from './dataio.js'
export { importProducts } from './import.service.js'
export { SHOPIFY_COLUMNS, parseAmount, type RowIssue } from './shopify-csv.js'
export {
  exportProductsCsv,
  exportProductsJson,
  exportOrdersCsv,
  formatDecimal,
  ORDER_COLUMNS,
  type ProductExportOptions,
  type OrderExportOptions,
} from './export.service.js'
