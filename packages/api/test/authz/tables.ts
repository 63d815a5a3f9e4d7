import { ACCESS_TABLE } from './access.table.js'
import { CATALOG_TABLE } from './catalog.table.js'
import { CHECKOUT_TABLE } from './checkout.table.js'
import { CUSTOMERS_TABLE } from './customers.table.js'
import { INVENTORY_TABLE } from './inventory.table.js'
import { PROMOTIONS_TABLE } from './promotions.table.js'
import { SETTINGS_TABLE } from './settings.table.js'
import { SYSTEM_TABLE } from './system.table.js'
import { WEBHOOKS_TABLE } from './webhooks.table.js'
import { ORDERS_TABLE } from './orders.table.js'
import { DATAIO_TABLE } from './dataio.table.js'
import { REPORTS_TABLE } from './reports.table.js'
import { UPLOADS_TABLE } from './uploads.table.js'
import type { AuthzTable } from './table.js'

/** Every area's table. A new area adds one `<area>.table.ts` and one line here. */
export const AREA_TABLES: Record<string, AuthzTable> = {
  system: SYSTEM_TABLE,
  catalog: CATALOG_TABLE,
  inventory: INVENTORY_TABLE,
  settings: SETTINGS_TABLE,
  checkout: CHECKOUT_TABLE,
  access: ACCESS_TABLE,
  promotions: PROMOTIONS_TABLE,
  webhooks: WEBHOOKS_TABLE,
  orders: ORDERS_TABLE,
  dataio: DATAIO_TABLE,
  customers: CUSTOMERS_TABLE,
  reports: REPORTS_TABLE,
  uploads: UPLOADS_TABLE,
}
