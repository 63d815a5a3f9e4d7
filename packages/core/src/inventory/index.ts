/** Stock per variant per location, reservations that never oversell, and store availability. */
export * from './inventory.js'
export { reserveStock, releaseReservations, convertReservations, sweepExpiredReservations } from './reservation.service.js'
export {
  listStockLocations,
  getStockLocation,
  createStockLocation,
  ensureChannelStockLocation,
  getVariantStock,
  setStockLevel,
  getAvailability,
  ensureStockLevels,
} from './stock.service.js'
export { batchUpdateStock } from './stock-batch.service.js'
export { takeOrderStock, releaseOrderReservations, restockItems, adjustOrderReservations, type OrderStockItem } from './order-stock.service.js'
export type { InventoryTables } from './inventory.table.js'
