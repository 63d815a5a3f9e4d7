import type { AuthTables } from '../auth/auth.table.js'
import type { CatalogTables } from '../catalog/catalog.table.js'
import type { ChannelTables } from '../channels/channel.table.js'
import type { InventoryTables } from '../inventory/inventory.table.js'

/** Every table the engine owns, as Kysely sees it. */
export interface Database extends CatalogTables, ChannelTables, AuthTables, InventoryTables {}
