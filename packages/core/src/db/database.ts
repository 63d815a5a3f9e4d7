import type { AuthTables } from '../auth/auth.table.js'
import type { CatalogTables } from '../catalog/catalog.table.js'
import type { ChannelTables } from '../channels/channel.table.js'
import type { InventoryTables } from '../inventory/inventory.table.js'
import type { RegionTables } from '../regions/region.table.js'
import type { ShippingTables } from '../shipping/shipping.table.js'
import type { TaxTables } from '../tax/tax.table.js'
import type { CartTables } from '../cart/cart.table.js'
import type { IdempotencyTables } from '../idempotency/idempotency.table.js'
import type { OrderTables } from '../orders/order.table.js'
import type { EventTables } from '../events/event.table.js'
import type { DataioTables } from '../dataio/dataio.table.js'

/** Every table the engine owns, as Kysely sees it. */
export interface Database extends CatalogTables, ChannelTables, AuthTables, RegionTables, TaxTables, ShippingTables, CartTables, OrderTables, IdempotencyTables, InventoryTables, EventTables, DataioTables {}
